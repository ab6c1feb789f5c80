package io.depotops.core.adapter.out.storage;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.port.MessageLog;
import io.depotops.core.application.port.MessageLogUnavailableException;
import io.depotops.core.domain.LoggedFrame;
import io.depotops.core.domain.OcppMessage;
import io.depotops.core.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The message log in DynamoDB: partition key the charge point id, sort key {@code
 * <instant>#<event id>} (time-ordered, and the same for a redelivered message, so appending twice
 * stores once), an {@code expiresAt} epoch for the table's TTL.
 */
@ApplicationScoped
class DynamoDbMessageLog implements MessageLog {

    private static final String PARTITION = "chargePointId";
    private static final String SORT = "messageKey";
    private static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int UNPROCESSED_ATTEMPTS = 5;
    /** BatchWriteItem requests in flight at once (the URL-connection client keeps 5 connections). */
    private static final int PARALLEL_REQUESTS = 4;
    /** Requests one filtered page or one answer lookup reads at most, and items per request. */
    private static final int FILTERED_REQUESTS = 10;

    private static final int FILTERED_PAGE = 200;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration retention;

    DynamoDbMessageLog(
            DynamoDbClient dynamoDb,
            AwsStorageSettings settings,
            @ConfigProperty(name = "depotops.message-log.retention", defaultValue = "P90D") Duration retention) {
        this.dynamoDb = dynamoDb;
        this.table = settings.messageLogTable();
        this.retention = retention;
    }

    @Override
    public void append(OcppMessage message) {
        unlessUnavailable(() -> dynamoDb.putItem(put -> put.tableName(table).item(item(message))));
    }

    /**
     * BatchWriteItem, 25 items per request (DynamoDB's limit). A key twice in one request is
     * refused by DynamoDB, so a redelivered frame in the same batch is written once. Items the
     * service leaves unprocessed (throttling) are sent again after a growing pause; if some still
     * remain, or DynamoDB cannot be reached, or it throttles, this throws {@link
     * MessageLogUnavailableException} and the consumer writes the batch again (writes are
     * idempotent).
     */
    @Override
    public void appendAll(List<OcppMessage> messages) {
        unlessUnavailable(() -> {
            write(messages);
            return null;
        });
    }

    /**
     * Unreachable, throttling or failing on its side (5xx): the store's state, not the messages'
     * fault. Any other refusal (e.g. an item too large) is the messages' and stays as it is.
     */
    private static <T> T unlessUnavailable(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            throw new MessageLogUnavailableException("DynamoDB unreachable: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // the SDK's URL-connection client lets a reset while sending the body escape unwrapped
            throw new MessageLogUnavailableException("DynamoDB unreachable: " + e.getMessage(), e);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new MessageLogUnavailableException("DynamoDB did not take the write: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private void write(List<OcppMessage> messages) {
        Map<String, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        for (OcppMessage message : messages) {
            Map<String, AttributeValue> item = item(message);
            byKey.put(item.get(PARTITION).s() + "|" + item.get(SORT).s(), item);
        }
        List<WriteRequest> writes = byKey.values().stream()
                .map(item ->
                        WriteRequest.builder().putRequest(put -> put.item(item)).build())
                .toList();
        List<List<WriteRequest>> chunks = new ArrayList<>();
        for (int from = 0; from < writes.size(); from += BATCH_WRITE_LIMIT) {
            chunks.add(writes.subList(from, Math.min(writes.size(), from + BATCH_WRITE_LIMIT)));
        }
        if (chunks.size() == 1) {
            writeChunk(chunks.getFirst());
            return;
        }
        // Requests in parallel: one at a time leaves the store idle for each round trip.
        Semaphore slots = new Semaphore(PARALLEL_REQUESTS);
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> written = new ArrayList<>(chunks.size());
            for (List<WriteRequest> chunk : chunks) {
                written.add(writers.submit(() -> {
                    slots.acquire();
                    try {
                        writeChunk(chunk);
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> chunk : written) {
                chunk.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("writing the message log failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the message log", e);
        }
    }

    private void writeChunk(List<WriteRequest> chunk) {
        for (int attempt = 0; !chunk.isEmpty(); attempt++) {
            if (attempt == UNPROCESSED_ATTEMPTS) {
                throw new MessageLogUnavailableException(
                        chunk.size() + " message log items left unprocessed by DynamoDB", null);
            }
            if (attempt > 0) {
                pause(Duration.ofMillis(50L << attempt));
            }
            Map<String, List<WriteRequest>> request = Map.of(table, chunk);
            chunk = dynamoDb.batchWriteItem(batch -> batch.requestItems(request))
                    .unprocessedItems()
                    .getOrDefault(table, List.of());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the message log", e);
        }
    }

    private Map<String, AttributeValue> item(OcppMessage message) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION, text(message.chargePointId()));
        item.put(SORT, text(sortable(message.at()) + "#" + message.eventId()));
        item.put("at", text(message.at().toString()));
        item.put("direction", text(message.direction()));
        item.put("ocppVersion", text(message.ocppVersion()));
        item.put("sessionId", text(message.sessionId()));
        item.put("frame", text(message.frame()));
        item.put("eventId", text(message.eventId()));
        FrameEnvelope envelope = FrameEnvelope.of(message.frame());
        item.put("messageType", text(envelope.type().name()));
        if (envelope.messageId() != null) {
            item.put("messageId", text(envelope.messageId()));
        }
        if (envelope.action() != null) {
            item.put("action", text(envelope.action()));
        }
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(message.at().plus(retention).getEpochSecond())));
        return item;
    }

    /**
     * With {@code action}, frames are filtered here rather than by a DynamoDB filter expression,
     * so that frames logged before the envelope attributes existed are matched from their frame
     * too; a page then reads at most {@value #FILTERED_REQUESTS} requests of the range and hands
     * back a cursor where it stopped.
     */
    @Override
    public Page<LoggedFrame> search(
            String chargePointId, Instant from, Instant to, String action, int limit, String cursor) {
        String lowest = sortable(from) + "#";
        String highest = sortable(to.minusNanos(1)) + "$";
        Map<String, AttributeValue> start =
                cursor == null ? null : key(chargePointId, startKey(cursor, lowest, highest));
        List<LoggedFrame> found = new ArrayList<>();
        for (int request = 0; request < FILTERED_REQUESTS; request++) {
            int wanted = action == null ? limit - found.size() : Math.max(limit, FILTERED_PAGE);
            QueryResponse response = dynamoDb.query(range(chargePointId, lowest, highest, false, wanted, start));
            for (Map<String, AttributeValue> item : response.items()) {
                LoggedFrame frame = frame(item);
                if (action == null || (frame.type() == LoggedFrame.Type.CALL && action.equals(frame.action()))) {
                    found.add(frame);
                    if (found.size() == limit) {
                        boolean more = item != response.items().getLast() || hasMore(response);
                        return new Page<>(found, more ? frame.key() : null);
                    }
                }
            }
            if (!hasMore(response)) {
                return new Page<>(found, null);
            }
            start = response.lastEvaluatedKey();
        }
        return new Page<>(found, encode(start.get(SORT).s()));
    }

    @Override
    public Optional<LoggedFrame> find(String chargePointId, String key) {
        String sortKey;
        try {
            sortKey = startKey(key, "", "\uffff");
        } catch (InvalidInputException notAKey) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(get ->
                        get.tableName(table).key(key(chargePointId, sortKey)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(frame(item));
    }

    /** Forward from the CALL, in pages, until its answer or the end of {@code within}. */
    @Override
    public Optional<LoggedFrame> answerTo(LoggedFrame call, Duration within) {
        String chargePointId = call.message().chargePointId();
        String callKey = decode(call.key());
        String highest = sortable(call.message().at().plus(within)) + "$";
        Map<String, AttributeValue> start = key(chargePointId, callKey);
        for (int request = 0; request < FILTERED_REQUESTS; request++) {
            QueryResponse response = dynamoDb.query(range(chargePointId, callKey, highest, true, FILTERED_PAGE, start));
            for (Map<String, AttributeValue> item : response.items()) {
                LoggedFrame frame = frame(item);
                if (call.isAnsweredBy(frame)) {
                    return Optional.of(frame);
                }
            }
            if (!hasMore(response)) {
                return Optional.empty();
            }
            start = response.lastEvaluatedKey();
        }
        return Optional.empty();
    }

    @Override
    public void stream(String chargePointId, Instant from, Instant to, Consumer<LoggedFrame> sink) {
        String lowest = sortable(from) + "#";
        String highest = sortable(to.minusNanos(1)) + "$";
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamoDb.query(range(chargePointId, lowest, highest, true, 1000, start));
            response.items().forEach(item -> sink.accept(frame(item)));
            start = hasMore(response) ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private QueryRequest range(
            String chargePointId,
            String lowest,
            String highest,
            boolean oldestFirst,
            int limit,
            Map<String, AttributeValue> start) {
        return QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#cp = :cp and #key between :from and :to")
                .expressionAttributeNames(Map.of("#cp", PARTITION, "#key", SORT))
                .expressionAttributeValues(
                        Map.of(":cp", text(chargePointId), ":from", text(lowest), ":to", text(highest)))
                .scanIndexForward(oldestFirst)
                .limit(limit)
                .exclusiveStartKey(start)
                .build();
    }

    private static boolean hasMore(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    }

    private static Map<String, AttributeValue> key(String chargePointId, String sortKey) {
        return Map.of(PARTITION, text(chargePointId), SORT, text(sortKey));
    }

    private static LoggedFrame frame(Map<String, AttributeValue> item) {
        OcppMessage message = new OcppMessage(
                item.get(PARTITION).s(),
                Instant.parse(item.get("at").s()),
                item.get("direction").s(),
                item.get("ocppVersion").s(),
                item.get("sessionId").s(),
                item.get("frame").s(),
                item.get("eventId").s());
        FrameEnvelope envelope = item.containsKey("messageType")
                ? new FrameEnvelope(
                        LoggedFrame.Type.valueOf(item.get("messageType").s()),
                        item.containsKey("messageId") ? item.get("messageId").s() : null,
                        item.containsKey("action") ? item.get("action").s() : null)
                : FrameEnvelope.of(message.frame()); // logged before these attributes existed
        return new LoggedFrame(
                message, encode(item.get(SORT).s()), envelope.type(), envelope.messageId(), envelope.action());
    }

    private static String decode(String key) {
        return new String(Base64.getUrlDecoder().decode(key), StandardCharsets.UTF_8);
    }

    /**
     * The instant with all nine fraction digits: {@link Instant#toString()} leaves out a zero
     * fraction ({@code 12:00:00Z}), which sorts after {@code 12:00:00.001Z} as text, so a frame
     * at a whole second was listed out of order and fell outside ranges it belonged to.
     */
    static String sortable(Instant at) {
        return SORTABLE_INSTANT.format(at);
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value == null ? "" : value);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key a cursor holds, if it is one this query could have handed out: an
     * {@code <instant>#<event id>} key within the query's range. DynamoDB refuses a start key
     * outside the key condition with an error, which is the client's mistake, not the server's.
     */
    private static String startKey(String cursor, String lowest, String highest) {
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        int hash = key.indexOf('#');
        if (hash <= 0 || !key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw notACursor();
        }
        try {
            Instant.parse(key.substring(0, hash));
        } catch (DateTimeParseException e) {
            throw notACursor();
        }
        if (key.compareTo(lowest) < 0 || key.compareTo(highest) > 0) {
            throw notACursor();
        }
        return key;
    }

    private static InvalidInputException notACursor() {
        return new InvalidInputException("cursor", "is not a cursor of this list (from another query, or altered)");
    }
}
