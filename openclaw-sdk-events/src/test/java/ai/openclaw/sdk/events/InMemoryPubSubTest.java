package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.contract.AcceptedVersions;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractVersion;
import ai.openclaw.sdk.contract.EventContract;
import ai.openclaw.sdk.events.memory.InMemoryTransport;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.Trim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Publisher and subscriber on the in-memory transport: the semantics users' unit tests rely on. */
class InMemoryPubSubTest {
    record Signup(String userId) {}

    record Stamped(String userId, Instant at, Optional<String> referrer) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryTransport transport = new InMemoryTransport();
    private EventSubscriber subscriber;

    @AfterEach
    void stop() {
        if (subscriber != null) {
            subscriber.close();
        }
        transport.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void payloadsWithJavaTimeAndOptionalFlowOutOfTheBox() throws Exception {
        EventPublisher publisher =
                EventPublisher.builder("user-service", transport).build();
        List<Stamped> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        subscriber = EventSubscriber.builder("mailer", transport)
                .pollTimeout(Duration.ofMillis(50))
                .on("stamped", Stamped.class, (event, meta) -> handled.add(event))
                .build();
        subscriber.start();
        Stamped sent = new Stamped("u-1", Instant.parse("2026-12-02T10:15:30.123Z"), Optional.of("ada"));
        publisher.publish("stamped", sent);

        await(() -> handled.size() == 1);
        assertThat(handled).containsExactly(sent);
        JsonNode envelope =
                JSON.readTree(transport.entries("stamped").values().iterator().next());
        assertThat(envelope.get("data").get("at").asText())
                .as("ISO-8601 on the wire")
                .isEqualTo("2026-12-02T10:15:30.123Z");
    }

    @Test
    void interceptorsRunAroundEachHandlerInOrderAndTheirFailureIsTheHandlers() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ThreadLocal<String> tenant = new ThreadLocal<>(); // what an interceptor would put in the MDC
        subscriber = EventSubscriber.builder("mailer", transport)
                .pollTimeout(Duration.ofMillis(50))
                .maxDeliveries(1)
                .handlerAttempts(1)
                .around((meta, next) -> {
                    seen.add("outer " + meta.envelope().type());
                    tenant.set("t-1");
                    try {
                        next.proceed();
                    } finally {
                        tenant.remove();
                    }
                })
                .around((meta, next) -> {
                    if (meta.envelope().type().equals("signup") && seen.size() > 2) {
                        throw new IllegalStateException("refused by the platform");
                    }
                    seen.add("inner");
                    next.proceed();
                })
                .on("signup", Signup.class, (event, meta) -> seen.add("handler " + tenant.get()))
                .build();
        subscriber.start();
        EventPublisher publisher =
                EventPublisher.builder("user-service", transport).build();
        publisher.publish("signup", new Signup("u-1"));
        await(() -> seen.size() == 3);
        assertThat(seen).containsExactly("outer signup", "inner", "handler t-1");
        publisher.publish("signup", new Signup("u-2"));
        await(() -> subscriber.stats().deadLettered() == 1);
        assertThat(subscriber.stats().failed())
                .as("the interceptor's failure is the handler's")
                .isEqualTo(1);
    }

    @Test
    void anEventWithoutAContractVersionIsCheckedAgainstTheNewestAcceptedContract() throws Exception {
        ContractRegistry contracts = ContractRegistry.of(
                List.of(
                        EventContract.of(
                                "signup", ContractVersion.parse("1.0"), JSON.readTree("{\"type\":\"object\"}")),
                        EventContract.of(
                                "signup",
                                ContractVersion.parse("1.1"),
                                JSON.readTree("{\"type\":\"object\",\"required\":[\"userId\"],"
                                        + "\"properties\":{\"userId\":{\"type\":\"string\"}}}"))),
                List.of());
        // a publisher without contracts writes no contractversion, as any other producer may
        EventPublisher unversioned =
                EventPublisher.builder("user-service", transport).build();
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        subscriber = EventSubscriber.builder("mailer", transport)
                .contracts(contracts)
                .pollTimeout(Duration.ofMillis(50))
                .on(
                        "signup",
                        AcceptedVersions.parse("1.x"),
                        Map.class,
                        (event, meta) -> handled.add(String.valueOf(event.get("userId"))))
                .build();
        subscriber.start();
        unversioned.publish("signup", Map.of("userId", 42));
        unversioned.publish("signup", Map.of("userId", "u-1"));

        await(() -> handled.size() == 1 && subscriber.stats().deadLettered() == 1);
        assertThat(handled).containsExactly("u-1");
        JsonNode letter = JSON.readTree(
                transport.entries("signup.dlq").values().iterator().next());
        assertThat(letter.get("reason").asText()).startsWith("contract violated: signup 1.1: /userId: type:");
    }

    @Test
    void aHandlerThatSucceedsWhileTheSubscriberStopsIsNeverCountedFailedNorDeadLettered() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        subscriber = EventSubscriber.builder("mailer", transport)
                .pollTimeout(Duration.ofMillis(50))
                .shutdownTimeout(Duration.ofMillis(100))
                .maxDeliveries(1) // a failure now would be dead-lettered at once
                .on("signup", Signup.class, (event, meta) -> {
                    running.countDown();
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_000);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // deaf to the interrupt close() sends after its shutdown timeout
                    }
                    done.countDown();
                })
                .build();
        subscriber.start();
        EventPublisher.builder("user-service", transport).build().publish("signup", new Signup("u-1"));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        subscriber.close(); // interrupts the worker, whose handler then returns normally
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        await(() -> subscriber.stats().inFlight() == 0);
        assertThat(subscriber.stats().failed()).as("it did not fail").isZero();
        assertThat(subscriber.stats().deadLettered()).isZero();
        assertThat(transport.entries("signup.dlq")).isEmpty();
        assertThat(transport.pending("signup", "mailer"))
                .as("not acknowledged either: stopped, it stays pending for another consumer")
                .isEqualTo(1);
    }

    @Test
    void envelopesThatDoNotParseAreDeadLetteredWithReasonsThatQuoteNoContent() throws Exception {
        subscriber = EventSubscriber.builder("mailer", transport)
                .pollTimeout(Duration.ofMillis(50))
                .on("signup", Signup.class, (event, meta) -> {})
                .build();
        subscriber.start();
        String secret = "hunter2-secret";
        transport.append("signup", "{\"not json " + secret, Trim.NONE);
        transport.append(
                "signup",
                "{\"specversion\":\"0.3-" + secret
                        + "\",\"id\":\"1\",\"source\":\"s\",\"type\":\"signup\",\"data\":{}}",
                Trim.NONE);
        transport.append(
                "signup",
                "{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"s\",\"type\":\"signup\",\"time\":1732270000,"
                        + "\"data\":{\"userId\":\"u\"}}",
                Trim.NONE);
        transport.append(
                "signup",
                "{\"specversion\":\"1.0\",\"id\":\"3\",\"source\":\"s\",\"type\":\"" + secret + "\","
                        + "\"data\":{\"userId\":\"u\"}}",
                Trim.NONE);
        await(() -> subscriber.stats().deadLettered() == 4);
        List<String> reasons = transport.entries("signup.dlq").values().stream()
                .map(l -> {
                    try {
                        return JSON.readTree(l).get("reason").asText();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        assertThat(reasons).allSatisfy(r -> assertThat(r).doesNotContain(secret).doesNotContain("\n"));
        assertThat(reasons)
                .anySatisfy(r -> assertThat(r).startsWith("malformed: 'data' is not JSON (at line 1, column "))
                .anySatisfy(r -> assertThat(r)
                        .isEqualTo("malformed: not a CloudEvents 1.0 envelope (its specversion is not 1.0)"))
                .anySatisfy(r -> assertThat(r).isEqualTo("malformed: 'time' is not an RFC 3339 timestamp string"))
                .anySatisfy(
                        r -> assertThat(r).isEqualTo("malformed: the envelope's type is not this stream's (signup)"));
    }

    @Test
    void aTransportAnsweringTooFewStagesForABatchIsNamed() {
        EventTransport broken = (EventTransport) Proxy.newProxyInstance(
                EventTransport.class.getClassLoader(), new Class<?>[] {EventTransport.class}, (proxy, method, args) -> {
                    if (method.getName().equals("appendAll")) {
                        List<?> entries = (List<?>) args[0];
                        return transport.appendAll(List.of((EventTransport.NewEntry) entries.get(0)));
                    }
                    try {
                        return method.invoke(transport, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        EventPublisher publisher =
                EventPublisher.builder("user-service", broken).build();
        assertThatThrownBy(() -> publisher.publishAll(List.of(
                        new EventPublisher.OutgoingEvent("signup", new Signup("u-1")),
                        new EventPublisher.OutgoingEvent("signup", new Signup("u-2")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith(
                        ".appendAll answered 1 stages for 2 entries: it must answer one per entry, in order");
    }

    @Test
    void anIdleSubscriberWaitingForEntriesHasNoneInFlight() throws Exception {
        AtomicInteger waiting = new AtomicInteger();
        EventTransport watched = (EventTransport) Proxy.newProxyInstance(
                EventTransport.class.getClassLoader(), new Class<?>[] {EventTransport.class}, (proxy, method, args) -> {
                    boolean read = method.getName().startsWith("read");
                    if (read) {
                        waiting.incrementAndGet();
                    }
                    try {
                        return method.invoke(transport, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (read) {
                            waiting.decrementAndGet();
                        }
                    }
                });
        subscriber = EventSubscriber.builder("mailer", watched)
                .pollTimeout(Duration.ofSeconds(3))
                .on("signup", Signup.class, (event, meta) -> {})
                .build();
        subscriber.start();
        EventPublisher.builder("user-service", transport).build().publish("signup", new Signup("u-1"));
        await(() -> subscriber.stats().processed() == 1 && transport.pending("signup", "mailer") == 0);
        await(() -> waiting.get() == 1); // blocked in a read, holding the permits it may fill
        assertThat(subscriber.stats().inFlight()).isZero();
        assertThat(SubscriberHealthCheck.liveness(subscriber).check().data()).containsEntry("in_flight", 0);
    }

    @Test
    void eventsFlowPoisonIsDeadLetteredAndCrashedConsumersEntriesAreReclaimed() throws Exception {
        EventPublisher publisher =
                EventPublisher.builder("user-service", transport).build();
        transport.createGroup("signup", "mailer", false);
        publisher.publish("signup", new Signup("crashed-1"));
        transport.read("mailer", "crashed", List.of("signup"), 10, Duration.ZERO); // read, never acknowledged

        Set<String> handled = ConcurrentHashMap.newKeySet();
        subscriber = EventSubscriber.builder("mailer", transport)
                .processingTimeout(Duration.ofMillis(200))
                .reclaimInterval(Duration.ofMillis(50))
                .pollTimeout(Duration.ofMillis(50))
                .maxDeliveries(2)
                .handlerAttempts(1)
                .on("signup", Signup.class, (event, meta) -> {
                    if (event.userId().equals("poison")) {
                        throw new IllegalArgumentException("bad user");
                    }
                    handled.add(event.userId());
                })
                .build();
        subscriber.start();
        publisher.publish("signup", new Signup("poison"));
        publisher.publish("signup", new Signup("u-1"));

        await(() -> handled.containsAll(Set.of("crashed-1", "u-1")));
        await(() -> subscriber.stats().deadLettered() == 1);
        Map<String, String> letters = transport.entries("signup.dlq");
        JsonNode letter = JSON.readTree(letters.values().iterator().next());
        assertThat(letter.get("reason").asText())
                .isEqualTo("the handler failed on each of 2 deliveries: java.lang.IllegalArgumentException: bad user");
        assertThat(subscriber.stats().reclaimed()).isGreaterThanOrEqualTo(1);
        await(() -> transport.pending("signup", "mailer") == 0);
    }

    @Test
    void theEnvelopeIsCloudEvents() throws Exception {
        EventPublisher publisher = EventPublisher.builder("user-service", transport)
                .trim(Trim.maxLength(1))
                .build();
        publisher.publish("signup", new Signup("u-1"), "u-1");
        String data = transport.entries("signup").values().iterator().next();
        EventEnvelope envelope = EventEnvelope.parse(data, JSON);
        assertThat(envelope.source()).isEqualTo("user-service");
        assertThat(envelope.type()).isEqualTo("signup");
        assertThat(envelope.partitionKey()).contains("u-1");
        assertThat(envelope.dataSchema()).isEmpty();
        assertThat(envelope.data().get("userId").asText()).isEqualTo("u-1");
        assertThat(EventEnvelope.parse(envelope.toJson(JSON), JSON)).isEqualTo(envelope);
        assertThat(JSON.readTree(data).get("specversion").asText()).isEqualTo("1.0");
    }

    @Test
    void malformedDocumentsAreNamedWithoutTheirContent() {
        assertThatThrownBy(() -> EventEnvelope.parse("{\"password\":\"hunter2\"", JSON))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("'data' is not JSON");
        assertThatThrownBy(() -> EventEnvelope.parse("[1]", JSON))
                .hasMessage("'data' is not a JSON object, so not a CloudEvents envelope");
        assertThatThrownBy(() -> EventEnvelope.parse("{\"specversion\":\"0.3\"}", JSON))
                .hasMessage("not a CloudEvents 1.0 envelope (its specversion is not 1.0)");
        assertThatThrownBy(() -> EventEnvelope.parse(
                        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"time\":\"yesterday\","
                                + "\"data\":{}}",
                        JSON))
                .hasMessage("'time' is not an RFC 3339 timestamp string");
        assertThatThrownBy(() -> EventEnvelope.parse(null, JSON)).hasMessage("the entry has no 'data' field");
    }

    @Test
    void subscribersNeedAHandlerAndSaneSettings() {
        assertThatThrownBy(() -> EventSubscriber.builder("s", transport).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EventSubscriber.builder("s", transport).maxInFlight(0))
                .hasMessage("maxInFlight must be >= 1, was 0");
        assertThatThrownBy(() -> EventSubscriber.builder("s", transport).processingTimeout(Duration.ZERO))
                .hasMessage("processingTimeout must be positive, was PT0S");
    }

    @Test
    void eventsOfOneKeyAreHandledInOrderWhenAsked() throws Exception {
        EventPublisher publisher = EventPublisher.builder("orders", transport).build();
        transport.createGroup("order.changed", "shipping", false);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        subscriber = EventSubscriber.builder("shipping", transport)
                .orderedByKey(true)
                .workers(4)
                .pollTimeout(Duration.ofMillis(50))
                .on("order.changed", Map.class, (event, meta) -> {
                    Thread.sleep(
                            java.util.concurrent.ThreadLocalRandom.current().nextInt(3));
                    seen.computeIfAbsent(
                                    (String) event.get("order"),
                                    k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                            .add((Integer) event.get("seq"));
                })
                .build();
        subscriber.start();
        for (int seq = 0; seq < 40; seq++) {
            for (String order : List.of("o-1", "o-2", "o-3", "o-4", "o-5")) {
                publisher.publish("order.changed", Map.of("order", order, "seq", seq), order);
            }
        }
        await(() -> subscriber.stats().processed() == 200);
        assertThat(seen).hasSize(5);
        seen.forEach((order, seqs) -> assertThat(seqs).as(order).isSorted().hasSize(40));
    }

    @Test
    void metricsCountWhatHappens() throws Exception {
        var reader = io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader.create();
        var otel = io.opentelemetry.sdk.OpenTelemetrySdk.builder()
                .setMeterProvider(io.opentelemetry.sdk.metrics.SdkMeterProvider.builder()
                        .registerMetricReader(reader)
                        .build())
                .build();
        EventPublisher publisher = EventPublisher.builder("user-service", transport)
                .openTelemetry(otel)
                .build();
        transport.createGroup("signup", "mailer", false);
        subscriber = EventSubscriber.builder("mailer", transport)
                .openTelemetry(otel)
                .maxDeliveries(1)
                .handlerAttempts(1)
                .pollTimeout(Duration.ofMillis(50))
                .on("signup", Signup.class, (event, meta) -> {
                    if (event.userId().equals("bad")) {
                        throw new IllegalStateException("no");
                    }
                })
                .build();
        subscriber.start();
        publisher.publish("signup", new Signup("u-1"));
        publisher.publish("signup", new Signup("bad"));
        await(() -> subscriber.stats().processed() == 1 && subscriber.stats().deadLettered() == 1);
        Map<String, Long> sums = new java.util.HashMap<>();
        for (var metric : reader.collectAllMetrics()) {
            if (metric.getType() == io.opentelemetry.sdk.metrics.data.MetricDataType.LONG_SUM) {
                sums.put(
                        metric.getName(),
                        metric.getLongSumData().getPoints().stream()
                                .mapToLong(io.opentelemetry.sdk.metrics.data.LongPointData::getValue)
                                .sum());
            }
        }
        assertThat(sums)
                .containsEntry("openclaw.events.published", 2L)
                .containsEntry("openclaw.events.processed", 1L)
                .containsEntry("openclaw.events.failed", 1L)
                .containsEntry("openclaw.events.dead_lettered", 1L);
    }
}
