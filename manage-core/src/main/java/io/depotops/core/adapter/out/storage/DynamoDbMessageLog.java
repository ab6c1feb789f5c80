package io.depotops.core.adapter.out.storage;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.port.MessageLog;
import io.depotops.core.application.port.MessageLogUnavailableException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(message.at().plus(retention).getEpochSecond())));
        return item;
    }

    @Override
    public Page<OcppMessage> page(String chargePointId, Instant from, Instant to, int limit, String cursor) {
        // '#' sorts before any id character, '$' after: [from, to) on the instant part.
        String lowest = sortable(from) + "#";
        String highest = sortable(to.minusNanos(1)) + "$";
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#cp = :cp and #key between :from and :to")
                .expressionAttributeNames(Map.of("#cp", PARTITION, "#key", SORT))
                .expressionAttributeValues(
                        Map.of(":cp", text(chargePointId), ":from", text(lowest), ":to", text(highest)))
                .scanIndexForward(false)
                .limit(limit);
        if (cursor != null) {
            query.exclusiveStartKey(
                    Map.of(PARTITION, text(chargePointId), SORT, text(startKey(cursor, lowest, highest))));
        }
        QueryResponse response = dynamoDb.query(query.build());
        List<OcppMessage> messages = response.items().stream()
                .map(item -> new OcppMessage(
                        item.get(PARTITION).s(),
                        Instant.parse(item.get("at").s()),
                        item.get("direction").s(),
                        item.get("ocppVersion").s(),
                        item.get("sessionId").s(),
                        item.get("frame").s(),
                        item.get("eventId").s()))
                .toList();
        String next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? encode(response.lastEvaluatedKey().get(SORT).s())
                        : null;
        return new Page<>(messages, next);
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
