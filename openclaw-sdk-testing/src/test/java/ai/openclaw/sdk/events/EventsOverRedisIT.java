package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractViolationException;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import ai.openclaw.sdk.transport.Trim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Publishers and subscribers against a real redis-server started by the test harness. */
@ExtendWith(RedisExtension.class)
class EventsOverRedisIT {
    record UserCreated(String userId, String email, String name, String createdAt) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServiceCatalog CATALOG = ServiceCatalog.load(resource("/catalog/seed-services.yaml"));
    private static final ContractRegistry CONTRACTS = ContractRegistry.load(resource("/contracts"));

    private RedisServer redis;
    private RedisTransport transport;
    private final List<EventSubscriber> subscribers = new ArrayList<>();

    static Path resource(String name) {
        try {
            return Path.of(EventsOverRedisIT.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void connect(RedisServer redis) {
        this.redis = redis;
        this.transport = RedisTransport.create(redis.uri().toString());
    }

    @AfterEach
    void disconnect() {
        subscribers.forEach(EventSubscriber::close);
        transport.close();
    }

    private EventPublisher publisher() {
        return EventPublisher.builder("user-service", transport)
                .catalog(CATALOG)
                .contracts(CONTRACTS)
                .build();
    }

    private EventSubscriber started(EventSubscriber.Builder builder) {
        EventSubscriber s = builder.build();
        subscribers.add(s);
        s.start();
        return s;
    }

    private static UserCreated user(int i) {
        return new UserCreated("u-" + i, "user" + i + "@example.com", "User " + i, "2026-11-22T10:00:00Z");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private List<JsonNode> deadLetters(String stream) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Object entry : (List<?>) redis.command("XRANGE", stream + ".dlq", "-", "+")) {
            List<?> fields = (List<?>) ((List<?>) entry).get(1);
            out.add(JSON.readTree((String) fields.get(1)));
        }
        return out;
    }

    @Test
    void anEventIsPublishedInCloudEventsFormAndHandledWithItsTrace() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        List<UserCreated> handled = new CopyOnWriteArrayList<>();
        List<EventMetadata> metadata = new CopyOnWriteArrayList<>();
        List<String> logContext = new CopyOnWriteArrayList<>();
        started(EventSubscriber.builder("billing-service", transport)
                .contracts(CONTRACTS)
                .openTelemetry(otel)
                .on("user.created", UserCreated.class, (event, meta) -> {
                    logContext.add(org.slf4j.MDC.get("trace_id") + "/" + org.slf4j.MDC.get("span_id"));
                    handled.add(event);
                    metadata.add(meta);
                }));
        EventPublisher publisher = EventPublisher.builder("user-service", transport)
                .catalog(CATALOG)
                .contracts(CONTRACTS)
                .openTelemetry(otel)
                .build();

        String entryId = publisher.publish("user.created", user(1));
        await("the event is handled", () -> handled.size() == 1);
        assertThat(handled.get(0)).isEqualTo(user(1));

        // the wire: one field, data, a CloudEvents 1.0 structured document
        List<?> entry = (List<?>) ((List<?>) redis.command("XRANGE", "user.created", "-", "+")).get(0);
        assertThat(entry.get(0)).isEqualTo(entryId);
        List<?> fields = (List<?>) entry.get(1);
        assertThat(fields).hasSize(2).first().isEqualTo("data");
        JsonNode cloudEvent = JSON.readTree((String) fields.get(1));
        assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.get("source").asText()).isEqualTo("user-service");
        assertThat(cloudEvent.get("type").asText()).isEqualTo("user.created");
        assertThat(cloudEvent.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(cloudEvent.get("dataschema").asText()).isEqualTo("urn:openclaw:event:user.created:1.0");
        assertThat(cloudEvent.get("contractversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.get("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        assertThat(cloudEvent.get("data").get("email").asText()).isEqualTo("user1@example.com");
        assertThat(cloudEvent.get("id").asText()).hasSize(36);
        assertThat(metadata.get(0).envelope().id())
                .isEqualTo(cloudEvent.get("id").asText());

        await("both spans end", () -> spans.getFinishedSpanItems().size() == 2);
        SpanData producer = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.PRODUCER)
                .findFirst()
                .orElseThrow();
        SpanData consumer = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER)
                .findFirst()
                .orElseThrow();
        assertThat(producer.getName()).isEqualTo("publish user.created");
        assertThat(consumer.getName()).isEqualTo("process user.created");
        assertThat(consumer.getTraceId()).isEqualTo(producer.getTraceId());
        assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
        assertThat(logContext)
                .as("log lines inside the handler carry the trace (MDC)")
                .containsExactly(consumer.getTraceId() + "/" + consumer.getSpanId());
        // the acknowledgement follows the handler's span: wait for it rather than race it
        await("the event is acknowledged", () -> redis.command("XPENDING", "user.created", "billing-service")
                .toString()
                .startsWith("[0,"));
    }

    @Test
    void publishingRefusesWhatTheCatalogOrTheContractDoesNotAllow() {
        EventPublisher publisher = publisher();
        assertThatThrownBy(() -> publisher.publish("invoice.paid", Map.of("x", 1)))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("'user-service' does not list 'invoice.paid' under publishes");
        assertThatThrownBy(() -> publisher.publish("user.created", Map.of("userId", 42)))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("/userId");
        EventPublisher small = EventPublisher.builder("user-service", transport)
                .maxEventBytes(300)
                .build();
        assertThatThrownBy(() -> small.publish("user.created", Map.of("blob", "x".repeat(400))))
                .isInstanceOf(PublishException.class)
                .hasMessageMatching("the user.created event is \\d+ bytes, over the limit of 300");
        assertThat(redis.command("XLEN", "user.created")).isEqualTo(0L);

        // a batch is refused whole: neither the events before the bad one nor those after it are sent
        List<EventPublisher.OutgoingEvent> batch = List.of(
                new EventPublisher.OutgoingEvent("user.created", Map.of("n", 1)),
                new EventPublisher.OutgoingEvent("user.created", Map.of("blob", "x".repeat(400))),
                new EventPublisher.OutgoingEvent("user.created", Map.of("n", 3)));
        assertThatThrownBy(() -> small.publishAll(batch))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("over the limit of 300");
        List<EventPublisher.OutgoingEvent> invalid = List.of(
                new EventPublisher.OutgoingEvent("user.created", user(1)),
                new EventPublisher.OutgoingEvent("user.created", Map.of("userId", 42)));
        assertThatThrownBy(() -> publisher.publishAll(invalid)).isInstanceOf(ContractViolationException.class);
        assertThat(redis.command("XLEN", "user.created")).isEqualTo(0L);
        // one that is surely small is not measured after it is written, and is within the limit
        assertThat(small.publishAll(List.of(new EventPublisher.OutgoingEvent("user.created", Map.of("n", 1)))))
                .hasSize(1);
    }

    @Test
    void batchesArePipelinedAndStreamsTrimmed() {
        EventPublisher publisher = EventPublisher.builder("user-service", transport)
                .catalog(CATALOG)
                .contracts(CONTRACTS)
                .trim("user.created", Trim.maxLength(10))
                .build();
        List<EventPublisher.OutgoingEvent> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(new EventPublisher.OutgoingEvent("user.created", user(i)));
        }
        List<String> ids = publisher.publishAll(batch);
        assertThat(ids).hasSize(500).doesNotHaveDuplicates();
        assertThat((Long) redis.command("XLEN", "user.created"))
                .as("MAXLEN ~ 10 trims whole nodes: about 10 are kept, never all 500")
                .isLessThan(500L);
        assertThat(publisher
                        .publishAsync("user.created", user(501))
                        .toCompletableFuture()
                        .join())
                .isNotBlank();
    }

    @Test
    void aPoisonEventIsDeadLetteredAfterMaxDeliveriesAndTheOthersFlow() throws Exception {
        Set<String> handled = ConcurrentHashMap.newKeySet();
        AtomicInteger poisonCalls = new AtomicInteger();
        EventSubscriber subscriber = started(EventSubscriber.builder("billing-service", transport)
                .processingTimeout(Duration.ofMillis(300))
                .reclaimInterval(Duration.ofMillis(100))
                .maxDeliveries(3)
                .handlerAttempts(2)
                .retryBackoff(Duration.ofMillis(10))
                .on("user.created", UserCreated.class, (event, meta) -> {
                    if (event.userId().equals("u-0")) {
                        poisonCalls.incrementAndGet();
                        throw new IllegalStateException("cannot bill u-0");
                    }
                    handled.add(event.userId());
                }));
        EventPublisher publisher = publisher();
        publisher.publish("user.created", user(0));
        for (int i = 1; i <= 20; i++) {
            publisher.publish("user.created", user(i));
        }
        await("the others are handled", () -> handled.size() == 20);
        await("the poison event is dead-lettered", () -> subscriber.stats().deadLettered() == 1);
        List<JsonNode> letters = deadLetters("user.created");
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.get("reason").asText())
                    .isEqualTo(
                            "the handler failed on each of 3 deliveries: java.lang.IllegalStateException: cannot bill u-0");
            assertThat(l.get("deliveries").asLong()).isEqualTo(3);
            assertThat(l.get("group").asText()).isEqualTo("billing-service");
            assertThat(l.get("originalId").asText()).isNotBlank();
            assertThat(l.get("data").asText()).contains("\"userId\":\"u-0\"");
        });
        assertThat(poisonCalls.get()).isEqualTo(6); // 3 deliveries x 2 attempts
        await("nothing stays pending", () -> transport.pending("user.created", "billing-service") == 0);
    }

    @Test
    void malformedEntriesAreDeadLetteredWithTheirReasonAndTheSubscriberGoesOn() throws Exception {
        Set<String> handled = ConcurrentHashMap.newKeySet();
        EventSubscriber subscriber = started(EventSubscriber.builder("billing-service", transport)
                .contracts(CONTRACTS)
                .maxEventBytes(2_000)
                .on("user.created", UserCreated.class, (event, meta) -> handled.add(event.userId())));
        redis.command("XADD", "user.created", "*", "data", "not json at all");
        redis.command(
                "XADD",
                "user.created",
                "*",
                "data",
                "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"user.created\",\"data\":{}}");
        redis.command(
                "XADD",
                "user.created",
                "*",
                "data",
                "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\","
                        + "\"type\":\"user.created\",\"contractversion\":\"1.0\",\"data\":{\"userId\":42}}");
        redis.command("XADD", "user.created", "*", "data", "{\"pad\":\"" + "x".repeat(3_000) + "\"}");
        redis.command("XADD", "user.created", "*", "other", "field");
        publisher().publish("user.created", user(7));

        await("the good event is handled", () -> handled.contains("u-7"));
        await("five are dead-lettered", () -> subscriber.stats().deadLettered() == 5);
        assertThat(deadLetters("user.created"))
                .extracting(l -> l.get("reason").asText())
                .containsExactlyInAnyOrder(
                        "malformed: 'data' is not JSON (at line 1, column 1)", // the place, never the content
                        "malformed: the envelope's required attribute 'source' is missing",
                        "contract violated: user.created 1.0: /userId: type: integer found, string expected (seen: 42); "
                                + "user.created 1.0: /email: required: required property 'email' not found; "
                                + "user.created 1.0: /name: required: required property 'name' not found; "
                                + "user.created 1.0: /createdAt: required: required property 'createdAt' not found",
                        "malformed: the entry is over the size limit of 2000 bytes",
                        "malformed: the entry has no 'data' field");
        assertThat(subscriber.isRunning()).isTrue();
        await("nothing stays pending", () -> transport.pending("user.created", "billing-service") == 0);
    }

    @Test
    void anEntryThatIsNotUtf8IsDeadLetteredAndReplayedByteForByte() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"s\",\"type\":\"user.created\","
                        + "\"contractversion\":\"1.0\",\"data\":{\"userId\":\"u-1\",\"email\":\"u@example.com\","
                        + "\"createdAt\":\"2026-11-22T10:00:00Z\",\"name\":\"Zo\u00eb \ud83d\ude00 caf")
                .getBytes(StandardCharsets.UTF_8));
        int offset = bytes.size();
        bytes.write(0xE9); // é in Latin-1: not UTF-8
        bytes.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));
        byte[] original = bytes.toByteArray();
        io.lettuce.core.RedisClient raw =
                io.lettuce.core.RedisClient.create(redis.uri().toString());
        try (var connection = raw.connect(io.lettuce.core.codec.ByteArrayCodec.INSTANCE)) {
            var commands = connection.sync();
            byte[] stream = "user.created".getBytes(StandardCharsets.UTF_8);
            transport.createGroup("user.created", "billing-service", false);
            commands.xadd(stream, Map.of("data".getBytes(StandardCharsets.UTF_8), original));

            List<String> names = new CopyOnWriteArrayList<>();
            EventSubscriber subscriber = started(EventSubscriber.builder("billing-service", transport)
                    .contracts(CONTRACTS)
                    .on("user.created", UserCreated.class, (event, meta) -> names.add(event.name())));
            publisher()
                    .publish(
                            "user.created",
                            new UserCreated("u-2", "u2@example.com", "Zo\u00eb \ud83d\ude00", "2026-11-22T10:00:00Z"));
            await("the good event is handled", () -> names.size() == 1);
            assertThat(names).containsExactly("Zo\u00eb \ud83d\ude00"); // valid UTF-8 reads as it was written
            await("the other is dead-lettered", () -> subscriber.stats().deadLettered() == 1);
            assertThat(deadLetters("user.created").get(0).get("reason").asText())
                    .isEqualTo("malformed: the entry is not valid UTF-8 (byte 0xE9 at byte offset " + offset + ")");
            // the dead letter is valid UTF-8 JSON, whatever the entry held
            byte[] letter = dataOf(commands.xrange(
                            "user.created.dlq".getBytes(StandardCharsets.UTF_8), io.lettuce.core.Range.create("-", "+"))
                    .get(0));
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(letter));
            subscriber.close();

            var replay = DeadLetters.of(transport).replay("user.created", null, 10);
            assertThat(replay.replayed()).hasSize(1);
            var entries = commands.xrange(
                    stream,
                    io.lettuce.core.Range.create(
                            replay.replayed().get(0), replay.replayed().get(0)));
            assertThat(dataOf(entries.get(0)))
                    .as("the replayed entry holds the bytes that came, not U+FFFD")
                    .isEqualTo(original);
        } finally {
            raw.shutdown();
        }
    }

    /** The {@code data} field of an entry read as bytes (byte[] keys compare by identity, not content). */
    private static byte[] dataOf(io.lettuce.core.StreamMessage<byte[], byte[]> entry) {
        return entry.getBody().entrySet().stream()
                .filter(f -> java.util.Arrays.equals(f.getKey(), "data".getBytes(StandardCharsets.UTF_8)))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anEventHoldingHalfACharacterIsRefusedAtPublish() {
        String cut = "Zo\u00eb \ud83d"; // the high half of an emoji, its low half cut off
        assertThatThrownBy(() -> publisher()
                        .publish("user.created", new UserCreated("u-3", "u3@example.com", cut, "2026-11-22T10:00:00Z")))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.outcome())
                        .isEqualTo(PublishException.Outcome.REFUSED))
                .hasMessageContaining("lone UTF-16 surrogate");
        assertThat(redis.command("EXISTS", "user.created")).isEqualTo(0L);
    }

    @Test
    void entriesOfACrashedConsumerAreReclaimed() throws Exception {
        transport.createGroup("user.created", "billing-service", false);
        EventPublisher publisher = publisher();
        for (int i = 0; i < 10; i++) {
            publisher.publish("user.created", user(i));
        }
        // a consumer that read them and died before acknowledging
        redis.command(
                "XREADGROUP", "GROUP", "billing-service", "crashed-1", "COUNT", "10", "STREAMS", "user.created", ">");
        assertThat(transport.pending("user.created", "billing-service")).isEqualTo(10);

        Set<String> handled = ConcurrentHashMap.newKeySet();
        List<Long> deliveries = new CopyOnWriteArrayList<>();
        EventSubscriber subscriber = started(EventSubscriber.builder("billing-service", transport)
                .processingTimeout(Duration.ofMillis(300))
                .reclaimInterval(Duration.ofMillis(100))
                .on("user.created", UserCreated.class, (event, meta) -> {
                    handled.add(event.userId());
                    deliveries.add(meta.deliveries());
                }));
        await("all ten are handled", () -> handled.size() == 10);
        assertThat(subscriber.stats().reclaimed()).isEqualTo(10);
        assertThat(deliveries).allMatch(d -> d == 2);
        await("nothing stays pending", () -> transport.pending("user.created", "billing-service") == 0);
    }

    @Test
    void pendingEntriesTrimmedAwayAreAcknowledgedAndCounted() throws Exception {
        transport.createGroup("user.created", "billing-service", false);
        EventPublisher publisher = publisher();
        for (int i = 0; i < 5; i++) {
            publisher.publish("user.created", user(i));
        }
        redis.command(
                "XREADGROUP", "GROUP", "billing-service", "crashed-1", "COUNT", "5", "STREAMS", "user.created", ">");
        redis.command("XTRIM", "user.created", "MAXLEN", "0");
        EventSubscriber subscriber = started(EventSubscriber.builder("billing-service", transport)
                .processingTimeout(Duration.ofMillis(200))
                .reclaimInterval(Duration.ofMillis(100))
                .on("user.created", UserCreated.class, (event, meta) -> {}));
        await("the five are counted as trimmed", () -> subscriber.stats().trimmed() == 5);
        await("and acknowledged", () -> transport.pending("user.created", "billing-service") == 0);
    }

    @Test
    void aRedisThatLostEverythingGetsItsGroupBack() throws Exception {
        Set<String> handled = ConcurrentHashMap.newKeySet();
        started(EventSubscriber.builder("billing-service", transport)
                .pollTimeout(Duration.ofMillis(200))
                .on("user.created", UserCreated.class, (event, meta) -> handled.add(event.userId())));
        EventPublisher publisher = publisher();
        publisher.publish("user.created", user(1));
        await("the first is handled", () -> handled.contains("u-1"));

        redis.flushAll(); // as a restart without persistence would leave it: no stream, no group
        publisher.publish("user.created", user(2));
        await("the group is re-created and the next event handled", () -> handled.contains("u-2"));
    }

    @Test
    void inFlightEntriesAreBoundedAndFinishOnCloseAndNothingIsLost() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        EventSubscriber first = EventSubscriber.builder("billing-service", transport)
                .workers(2)
                .maxInFlight(4)
                .batchSize(2)
                .pollTimeout(Duration.ofMillis(100))
                .shutdownTimeout(Duration.ofSeconds(5))
                .on("user.created", UserCreated.class, (event, meta) -> {
                    started.incrementAndGet();
                    release.await();
                    Thread.sleep(20);
                    handled.add(event.userId());
                })
                .build();
        first.start();
        EventPublisher publisher = publisher();
        for (int i = 0; i < 30; i++) {
            publisher.publish("user.created", user(i));
        }
        await("the workers are busy", () -> started.get() == 2);
        await("the reader fills every slot", () -> first.stats().inFlight() == 4);
        // with every slot taken the reader waits for one: however long, nothing more is read
        assertThat(transport.pending("user.created", "billing-service"))
                .as("only what is in flight was read from Redis")
                .isEqualTo(4);
        assertThat(first.stats().inFlight()).isEqualTo(4);

        release.countDown();
        await("some are handled", () -> handled.size() >= 6);
        first.close();
        assertThat(first.stats().inFlight()).isZero();
        assertThat(transport.pending("user.created", "billing-service"))
                .as("close let the in-flight entries finish and acknowledged them")
                .isZero();

        started(EventSubscriber.builder("billing-service", transport)
                .on("user.created", UserCreated.class, (event, meta) -> handled.add(event.userId())));
        await("a second consumer handles the rest: all 30, none lost", () -> handled.size() == 30);
    }
}
