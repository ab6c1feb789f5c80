package io.depotops.core.adapter.out.storage.report;

import io.depotops.core.application.report.ReportIndex;
import io.depotops.core.domain.report.Report;
import io.depotops.core.domain.report.ReportFormat;
import io.depotops.core.domain.report.ReportKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The report index in DynamoDB (ADR 0015). Partition key {@code workspaceId}; sort key
 * {@code kind#period#reportId}, so one query lists a workspace's reports of a kind in period order
 * and one workspace never shares a hot partition with another. GSI {@code by-status}: partition
 * {@code status}, sort {@code createdAt}, for sweeps over failed or expiring reports across
 * workspaces. {@code expiresAt} (epoch seconds) is the table's TTL attribute.
 */
@ApplicationScoped
class DynamoDbReportIndex implements ReportIndex {

    private static final Logger LOG = Logger.getLogger(DynamoDbReportIndex.class);
    static final String PARTITION = "workspaceId";
    static final String SORT = "reportKey";
    static final String STATUS_INDEX = "by-status";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final boolean createTable;
    private volatile boolean tableChecked;

    DynamoDbReportIndex(
            DynamoDbClient dynamoDb,
            @ConfigProperty(name = "depotops.reports.index-table", defaultValue = "depotops-reports") String table,
            @ConfigProperty(name = "depotops.reports.create-index-table", defaultValue = "false") boolean createTable) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.createTable = createTable;
    }

    @Override
    public void save(Report report) {
        ensureTable();
        dynamoDb.putItem(put -> put.tableName(table).item(item(report)));
    }

    @Override
    public List<Report> list(UUID workspaceId) {
        ensureTable();
        List<Report> reports = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(q -> q.tableName(table)
                    .keyConditionExpression("#pk = :ws")
                    .expressionAttributeNames(Map.of("#pk", PARTITION))
                    .expressionAttributeValues(Map.of(":ws", s(workspaceId.toString())))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> reports.add(report(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return reports;
    }

    /**
     * By id alone, within the workspace's partition (the id is the sort key's suffix): a query of
     * one partition, filtered; efficient while a workspace keeps thousands of reports, not millions.
     */
    @Override
    public Optional<Report> find(UUID workspaceId, UUID id) {
        return list(workspaceId).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Through the {@code by-status} GSI (keys only), one status at a time, oldest first; each hit is
     * read back from the table for its attributes. No scan of the table.
     */
    @Override
    public List<Report> createdBefore(Instant cutoff, int limit) {
        ensureTable();
        List<Report> reports = new ArrayList<>();
        for (Report.Status status : Report.Status.values()) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                int wanted = limit - reports.size();
                if (wanted <= 0) {
                    return reports;
                }
                QueryResponse page = dynamoDb.query(q -> q.tableName(table)
                        .indexName(STATUS_INDEX)
                        .keyConditionExpression("#status = :status and createdAt < :cutoff")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":status", s(status.name()), ":cutoff", s(cutoff.toString())))
                        .limit(wanted)
                        .exclusiveStartKey(from));
                for (Map<String, AttributeValue> keys : page.items()) {
                    Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table)
                                    .key(Map.of(PARTITION, keys.get(PARTITION), SORT, keys.get(SORT))))
                            .item();
                    if (item != null && !item.isEmpty()) {
                        reports.add(report(item));
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return reports;
    }

    @Override
    public void delete(Report report) {
        ensureTable();
        dynamoDb.deleteItem(d -> d.tableName(table)
                .key(Map.of(PARTITION, s(report.workspaceId().toString()), SORT, s(sortKey(report)))));
    }

    private static String sortKey(Report r) {
        return r.kind().name() + "#" + Report.period(r.from(), r.to()) + "#" + r.id();
    }

    private void ensureTable() {
        if (tableChecked || !createTable) {
            return;
        }
        try {
            dynamoDb.describeTable(d -> d.tableName(table));
        } catch (ResourceNotFoundException missing) {
            LOG.infof("creating DynamoDB table %s", table);
            try {
                dynamoDb.createTable(c -> c.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                attribute(PARTITION), attribute(SORT), attribute("status"), attribute("createdAt"))
                        .keySchema(
                                k -> k.attributeName(PARTITION).keyType(KeyType.HASH),
                                k -> k.attributeName(SORT).keyType(KeyType.RANGE))
                        .globalSecondaryIndexes(g -> g.indexName(STATUS_INDEX)
                                .keySchema(
                                        k -> k.attributeName("status").keyType(KeyType.HASH),
                                        k -> k.attributeName("createdAt").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
                dynamoDb.waiter().waitUntilTableExists(w -> w.tableName(table));
                dynamoDb.updateTimeToLive(u -> u.tableName(table)
                        .timeToLiveSpecification(
                                t -> t.attributeName("expiresAt").enabled(true)));
            } catch (ResourceInUseException raced) {
                // another instance created it at the same time
            }
        }
        tableChecked = true;
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static Map<String, AttributeValue> item(Report r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION, s(r.workspaceId().toString()));
        item.put(SORT, s(sortKey(r)));
        item.put("id", s(r.id().toString()));
        item.put("kind", s(r.kind().name()));
        item.put("format", s(r.format().name()));
        item.put("from", s(r.from().toString()));
        item.put("to", s(r.to().toString()));
        item.put("status", s(r.status().name()));
        item.put("objectKey", s(r.objectKey()));
        item.put("sizeBytes", n(r.sizeBytes()));
        item.put("rows", n(r.rows()));
        if (r.sha256() != null) {
            item.put("sha256", s(r.sha256()));
        }
        if (r.failureReason() != null) {
            item.put("failureReason", s(r.failureReason()));
        }
        item.put("createdAt", s(r.createdAt().toString()));
        item.put("expiresAt", n(r.expiresAt().getEpochSecond()));
        return item;
    }

    private static Report report(Map<String, AttributeValue> item) {
        return new Report(
                UUID.fromString(item.get("id").s()),
                UUID.fromString(item.get(PARTITION).s()),
                ReportKind.valueOf(item.get("kind").s()),
                ReportFormat.valueOf(item.get("format").s()),
                Instant.parse(item.get("from").s()),
                Instant.parse(item.get("to").s()),
                Report.Status.valueOf(item.get("status").s()),
                item.get("objectKey").s(),
                Long.parseLong(item.get("sizeBytes").n()),
                Long.parseLong(item.get("rows").n()),
                item.containsKey("sha256") ? item.get("sha256").s() : null,
                item.containsKey("failureReason") ? item.get("failureReason").s() : null,
                Instant.parse(item.get("createdAt").s()),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
