package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractViolationException;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.Trim;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Request-reply over events, the seed's customer-support flow (001): instances of customer-service ask order-service
 * for an order's status and get the answer back at the instance that asked. Run against a real redis-server and
 * against the in-memory transport, which must behave alike.
 */
abstract class RequestReplyContract {
    record Inquiry(String orderId) {}

    record Status(String orderId, String status, String answeredBy) {}

    static final String ASK = "order.inquiry_received";
    static final String ANSWER = "order.status_retrieved";
    static final ServiceCatalog CATALOG = ServiceCatalog.load(resource("/request-reply/services.yaml"));
    static final ContractRegistry CONTRACTS = ContractRegistry.load(resource("/request-reply/contracts"));
    private static final AtomicInteger TESTS = new AtomicInteger();

    /** Each test's own streams: the prefix keeps tests apart on a shared server. */
    final String prefix = "rr" + TESTS.incrementAndGet() + "-" + System.nanoTime() % 100_000 + ":";

    private final List<AutoCloseable> open = new ArrayList<>();

    abstract EventTransport transport();

    static Path resource(String name) {
        try {
            return Path.of(RequestReplyContract.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        transport().close();
    }

    EventPublisher publisher(String service, io.opentelemetry.api.OpenTelemetry otel) {
        return EventPublisher.builder(service, transport())
                .catalog(CATALOG)
                .contracts(CONTRACTS)
                .streamPrefix(prefix)
                .openTelemetry(otel)
                .build();
    }

    EventRequester.Builder<Status> requester(String instance) {
        return EventRequester.builder("customer-service", transport())
                .publisher(publisher("customer-service", io.opentelemetry.api.OpenTelemetry.noop()))
                .request(ASK)
                .reply(ANSWER, Status.class)
                .instance(instance)
                .contracts(CONTRACTS)
                .inbox(s -> s.pollTimeout(Duration.ofMillis(200)).shutdownTimeout(Duration.ofSeconds(5)));
    }

    <R> EventRequester<R> started(EventRequester.Builder<R> builder) {
        EventRequester<R> r = builder.build();
        open.add(r);
        r.start();
        return r;
    }

    /** An order-service instance answering inquiries with {@code handler}. */
    EventSubscriber responder(
            String instance, EventResponder responder, RequestHandler<Inquiry, Status> handler, boolean start) {
        EventSubscriber s = EventSubscriber.builder("order-service", transport())
                .consumerName(instance)
                .streamPrefix(prefix)
                .startFromBeginning(true)
                .contracts(CONTRACTS)
                .pollTimeout(Duration.ofMillis(200))
                .handlerAttempts(1)
                .maxDeliveries(2)
                .processingTimeout(Duration.ofSeconds(1))
                .reclaimInterval(Duration.ofMillis(200))
                .on(ASK, Inquiry.class, responder.replying(ANSWER, handler))
                .build();
        open.add(s);
        if (start) {
            s.start();
        }
        return s;
    }

    EventResponder.Builder responderOf(io.opentelemetry.api.OpenTelemetry otel) {
        return EventResponder.builder(publisher("order-service", otel), transport())
                .openTelemetry(otel);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    List<DeadLetter> deadLetters(String stream) {
        return DeadLetters.of(transport()).list(stream, 100);
    }

    static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(60, TimeUnit.SECONDS);
            throw new AssertionError("the request succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the request neither succeeded nor failed in 60 s");
        }
    }

    @Test
    void twoInstancesEachSide_everyReplyReachesTheInstanceThatAsked() throws Exception {
        EventRequester<Status> a = started(requester("cs-a").timeout(Duration.ofSeconds(30)));
        EventRequester<Status> b = started(requester("cs-b").timeout(Duration.ofSeconds(30)));
        EventResponder answering =
                responderOf(io.opentelemetry.api.OpenTelemetry.noop()).build();
        Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
        for (String instance : List.of("os-1", "os-2")) {
            responder(
                    instance,
                    answering,
                    (inquiry, meta) -> {
                        answeredBy
                                .computeIfAbsent(instance, k -> new AtomicInteger())
                                .incrementAndGet();
                        return new Status(inquiry.orderId(), "shipped", instance);
                    },
                    true);
        }
        Map<String, CompletableFuture<Status>> asked = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            asked.put("o-a-" + i, a.request(new Inquiry("o-a-" + i)));
            asked.put("o-b-" + i, b.request(new Inquiry("o-b-" + i)));
        }
        for (Map.Entry<String, CompletableFuture<Status>> e : asked.entrySet()) {
            Status status = e.getValue().get(60, TimeUnit.SECONDS);
            assertThat(status.orderId()).isEqualTo(e.getKey());
            assertThat(status.answeredBy()).isIn("os-1", "os-2");
        }
        assertThat(a.stats().answered()).isEqualTo(40);
        assertThat(b.stats().answered()).isEqualTo(40);
        for (EventRequester<Status> r : List.of(a, b)) {
            RequesterStats s = r.stats();
            assertThat(s.late() + s.orphaned() + s.timedOut() + s.duplicates()).isZero();
            assertThat(s.waiting()).isZero();
            assertThat(deadLetters(r.inbox())).isEmpty();
        }
        assertThat(answeredBy.values().stream().mapToInt(AtomicInteger::get).sum())
                .isEqualTo(80);
        // the responder counts a reply once its publish returned, which may be after the asker had it
        await("the responder counted its 80 replies", () -> answering.stats().replied() == 80);
        // each instance's replies came to its own inbox, and only there
        assertThat(transport().length(a.inbox())).isEqualTo(40);
        assertThat(transport().length(b.inbox())).isEqualTo(40);
        assertThat(a.inbox()).isEqualTo(prefix + "reply:customer-service@cs-a:" + ANSWER);
    }

    @Test
    void contractsAreCheckedBothWays() throws Exception {
        EventRequester<Status> asker = started(requester("cs-a").timeout(Duration.ofSeconds(2)));
        EventResponder answering =
                responderOf(io.opentelemetry.api.OpenTelemetry.noop()).build();
        responder("os-1", answering, (inquiry, meta) -> new Status(inquiry.orderId(), "lost in space", "os-1"), true);

        // a request that breaks its contract is not published
        assertThat(failureOf(asker.request(new Inquiry("not an order id"))))
                .isInstanceOf(ContractViolationException.class);
        assertThat(transport().length(prefix + ASK)).isZero();

        // a reply that breaks its contract is not published: the request is dead-lettered with why, the asker times out
        CompletableFuture<Status> bad = asker.request(new Inquiry("o-1"));
        assertThat(failureOf(bad)).isInstanceOf(ReplyTimeoutException.class);
        await("the request is dead-lettered", () -> !deadLetters(prefix + ASK).isEmpty());
        assertThat(deadLetters(prefix + ASK).get(0).reason())
                .contains("ContractViolationException")
                .contains(ANSWER + " 1.0: /status");
        assertThat(transport().length(asker.inbox())).isZero();

        // a reply that breaks its contract on the wire (a rogue publisher) is dead-lettered by the inbox
        CompletableFuture<Status> waiting = asker.request(new Inquiry("o-2"), Duration.ofSeconds(30));
        await("the request is dead-lettered", () -> deadLetters(prefix + ASK).size() == 2);
        String correlationId = correlationIdOfLastRequest();
        transport()
                .append(
                        asker.inbox(),
                        rawReply(correlationId, "{\"orderId\":\"o-2\",\"status\":\"teleported\"}"),
                        Trim.NONE)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        await("the rogue reply is dead-lettered", () -> !deadLetters(asker.inbox())
                .isEmpty());
        assertThat(deadLetters(asker.inbox()).get(0).reason()).startsWith("contract violated");
        assertThat(waiting).isNotDone();
        assertThat(asker.stats().answered()).isZero();
    }

    String correlationIdOfLastRequest() throws Exception {
        var latest = transport().latest(prefix + ASK, 1);
        EventEnvelope envelope = EventEnvelope.parse(latest.get(0).data(), ai.openclaw.sdk.json.JsonMappers.standard());
        return envelope.extension(EventEnvelope.CORRELATION_ID).orElseThrow();
    }

    static String rawReply(String correlationId, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + java.util.UUID.randomUUID()
                + "\",\"source\":\"order-service\",\"type\":\"" + ANSWER + "\",\"time\":\"" + Instant.now()
                + "\",\"datacontenttype\":\"application/json\",\"contractversion\":\"1.0\""
                + (correlationId == null ? "" : ",\"correlationid\":\"" + correlationId + "\"") + ",\"data\":" + data
                + "}";
    }

    @Test
    void aLateReplyIsCountedAndDeadLettered_notLost() throws Exception {
        EventRequester<Status> asker = started(requester("cs-a"));
        CountDownLatch timedOut = new CountDownLatch(1);
        EventResponder answering = responderOf(io.opentelemetry.api.OpenTelemetry.noop())
                .answerExpired(true)
                .build();
        responder(
                "os-1",
                answering,
                (inquiry, meta) -> {
                    assertThat(timedOut.await(60, TimeUnit.SECONDS)).isTrue(); // answers once the asker gave up
                    return new Status(inquiry.orderId(), "placed", "os-1");
                },
                true);
        CompletableFuture<Status> slow = asker.request(new Inquiry("o-9"), Duration.ofMillis(300));
        Throwable failure = failureOf(slow);
        assertThat(failure)
                .isInstanceOf(ReplyTimeoutException.class)
                .hasMessageContaining(ASK)
                .hasMessageContaining("PT0.3S");
        timedOut.countDown();
        await("the late reply is dead-lettered", () -> !deadLetters(asker.inbox())
                .isEmpty());
        DeadLetter letter = deadLetters(asker.inbox()).get(0);
        assertThat(letter.reason())
                .startsWith("rejected by the handler: late: the reply to request "
                        + ((ReplyTimeoutException) failure).correlationId());
        assertThat(letter.data()).isPresent(); // the reply itself is kept
        assertThat(asker.stats().late()).isEqualTo(1);
        assertThat(asker.stats().timedOut()).isEqualTo(1);
    }

    @Test
    void aReplyForNoOne_isOrphanedAndDeadLettered_alsoAfterARestartOfTheSameInstance() throws Exception {
        EventRequester<Status> asker = started(requester("cs-a"));
        transport()
                .append(
                        asker.inbox(),
                        rawReply("no-such-request", "{\"orderId\":\"o-1\",\"status\":\"placed\"}"),
                        Trim.NONE)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        transport()
                .append(asker.inbox(), rawReply(null, "{\"orderId\":\"o-1\",\"status\":\"placed\"}"), Trim.NONE)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        await("both are dead-lettered", () -> deadLetters(asker.inbox()).size() == 2);
        assertThat(deadLetters(asker.inbox()))
                .extracting(DeadLetter::reason)
                .allMatch(r -> r.startsWith("rejected by the handler: orphaned: "));
        assertThat(asker.stats().orphaned()).isEqualTo(2);

        // the instance asks and stops before the answer; the answer waits in its inbox; restarted, it finds no asker
        EventRequester<Status> first = started(requester("cs-b").timeout(Duration.ofSeconds(30)));
        CompletableFuture<Status> unanswered = first.request(new Inquiry("o-5"));
        first.close();
        assertThat(failureOf(unanswered)).isInstanceOf(ReplyException.class).hasMessageContaining("closed");
        EventResponder answering =
                responderOf(io.opentelemetry.api.OpenTelemetry.noop()).build();
        responder("os-1", answering, (inquiry, meta) -> new Status(inquiry.orderId(), "placed", "os-1"), true);
        await("the answer is in the inbox", () -> transport().length(first.inbox()) == 1);
        EventRequester<Status> again = started(requester("cs-b"));
        await("the answer is dead-lettered", () -> deadLetters(again.inbox()).size() == 1);
        assertThat(deadLetters(again.inbox()).get(0).reason()).contains("orphaned: customer-service instance cs-b");
        assertThat(again.stats().orphaned()).isEqualTo(1);
    }

    @Test
    void aRequestPastItsDeadline_orWhoseAskerIsGone_isDeadLetteredNotAnswered() throws Exception {
        EventRequester<Status> asker = started(requester("cs-a"));
        CompletableFuture<Status> expired = asker.request(new Inquiry("o-1"), Duration.ofMillis(100));
        assertThat(failureOf(expired)).isInstanceOf(ReplyTimeoutException.class);
        // a second instance asks with a long deadline, then goes away
        EventRequester<Status> gone = started(requester("cs-gone").timeout(Duration.ofMinutes(5)));
        CompletableFuture<Status> orphan = gone.request(new Inquiry("o-2"));
        gone.close();
        assertThat(failureOf(orphan)).isInstanceOf(ReplyException.class);
        Thread.sleep(300); // both requests are now older than the responder's idle limit below

        AtomicInteger ran = new AtomicInteger();
        EventResponder answering = responderOf(io.opentelemetry.api.OpenTelemetry.noop())
                .askerIdleLimit(Duration.ofMillis(200))
                .build();
        responder(
                "os-1",
                answering,
                (inquiry, meta) -> {
                    ran.incrementAndGet();
                    return new Status(inquiry.orderId(), "placed", "os-1");
                },
                true);
        await("both requests are dead-lettered", () -> deadLetters(prefix + ASK).size() == 2);
        List<String> reasons = deadLetters(prefix + ASK).stream()
                .map(DeadLetter::reason)
                .sorted()
                .toList();
        assertThat(reasons.get(0)).startsWith("rejected by the handler: asker gone: customer-service instance cs-gone");
        assertThat(reasons.get(1)).startsWith("rejected by the handler: expired: customer-service stopped waiting");
        assertThat(ran).hasValue(0);
        assertThat(answering.stats().expired()).isEqualTo(1);
        assertThat(answering.stats().askerGone()).isEqualTo(1);
        assertThat(transport().length(asker.inbox())).isZero();
    }

    @Test
    void aResponderWritesOnlyToReplyInboxes() throws Exception {
        EventResponder answering =
                responderOf(io.opentelemetry.api.OpenTelemetry.noop()).build();
        AtomicInteger ran = new AtomicInteger();
        responder(
                "os-1",
                answering,
                (inquiry, meta) -> {
                    ran.incrementAndGet();
                    return new Status(inquiry.orderId(), "placed", "os-1");
                },
                true);
        EventPublisher customer = publisher("customer-service", io.opentelemetry.api.OpenTelemetry.noop());
        // a hostile replyto: another service's event stream
        customer.publishWith(
                ASK,
                new Inquiry("o-1"),
                Map.of(EventEnvelope.CORRELATION_ID, "c-1", EventEnvelope.REPLY_TO, prefix + "user.created"));
        // no replyto at all: an event that asks for no answer
        customer.publish(ASK, new Inquiry("o-2"));
        await(
                "one is refused, one taken",
                () -> answering.stats().refused() == 1 && answering.stats().noReplyAddress() == 1);
        assertThat(deadLetters(prefix + ASK)).singleElement().satisfies(d -> assertThat(d.reason())
                .startsWith(
                        "rejected by the handler: refused: the request's replyto is not a " + ANSWER + " reply inbox")
                .doesNotContain("user.created"));
        assertThat(transport().length(prefix + "user.created")).isZero();
        assertThat(ran).hasValue(0);
    }

    @Test
    void repliesToAnyInstance_areHandledOnceByWhicheverInstanceReadsThem() throws Exception {
        Set<String> handled = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();
        List<EventRequester<Status>> askers = new ArrayList<>();
        for (String instance : List.of("cs-a", "cs-b")) {
            askers.add(started(requester(instance).onReplyAtAnyInstance((status, meta) -> {
                handled.add(
                        meta.envelope().extension(EventEnvelope.CORRELATION_ID).orElseThrow());
                byInstance.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
            })));
        }
        EventResponder answering =
                responderOf(io.opentelemetry.api.OpenTelemetry.noop()).build();
        responder("os-1", answering, (inquiry, meta) -> new Status(inquiry.orderId(), "delivered", "os-1"), true);
        responder("os-2", answering, (inquiry, meta) -> new Status(inquiry.orderId(), "delivered", "os-2"), true);
        Set<String> sent = new java.util.HashSet<>();
        for (int i = 0; i < 30; i++) {
            sent.add(askers.get(i % 2).send(new Inquiry("o-" + i), Duration.ofSeconds(60)));
        }
        await("every reply is handled", () -> handled.size() == 30);
        assertThat(handled).isEqualTo(sent);
        assertThat(byInstance.values().stream().mapToInt(AtomicInteger::get).sum())
                .isEqualTo(30);
        String shared = prefix + "reply:customer-service:" + ANSWER;
        assertThat(transport().length(shared)).isEqualTo(30);
        // counted once the handler returned, which may be after it recorded the reply
        await(
                "both instances counted 30 replies",
                () -> askers.get(0).stats().atAnyInstance()
                                + askers.get(1).stats().atAnyInstance()
                        == 30);
        assertThatThrownBy(() -> started(requester("cs-c")).send(new Inquiry("o-1"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onReplyAtAnyInstance");
    }

    @Test
    void theRequestAndItsReplyShareOneTrace() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        EventRequester<Status> asker = started(EventRequester.builder("customer-service", transport())
                .publisher(publisher("customer-service", otel))
                .request(ASK)
                .reply(ANSWER, Status.class)
                .instance("cs-a")
                .openTelemetry(otel)
                .inbox(s -> s.pollTimeout(Duration.ofMillis(200))));
        EventSubscriber answering = EventSubscriber.builder("order-service", transport())
                .consumerName("os-1")
                .streamPrefix(prefix)
                .startFromBeginning(true)
                .openTelemetry(otel)
                .pollTimeout(Duration.ofMillis(200))
                .on(
                        ASK,
                        Inquiry.class,
                        responderOf(otel)
                                .build()
                                .replying(
                                        ANSWER,
                                        (Inquiry q, EventMetadata m) -> new Status(q.orderId(), "placed", "os-1")))
                .build();
        open.add(answering);
        answering.start();
        asker.request(new Inquiry("o-1")).get(60, TimeUnit.SECONDS);
        // the responder's spans end after its reply is stored, which may be after the asker had the reply
        Set<String> names =
                Set.of("request " + ASK, "publish " + ASK, "process " + ASK, "publish " + ANSWER, "process " + ANSWER);
        await("the five spans ended", () -> spans.getFinishedSpanItems().stream()
                .map(SpanData::getName)
                .collect(Collectors.toSet())
                .containsAll(names));
        Map<String, SpanData> byName =
                spans.getFinishedSpanItems().stream().collect(Collectors.toMap(SpanData::getName, s -> s, (x, y) -> x));
        assertThat(byName)
                .containsKeys(
                        "request " + ASK, "publish " + ASK, "process " + ASK, "publish " + ANSWER, "process " + ANSWER);
        SpanData request = byName.get("request " + ASK);
        assertThat(byName.values()).extracting(SpanData::getTraceId).containsOnly(request.getTraceId());
        assertThat(byName.get("publish " + ASK).getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(byName.get("process " + ASK).getParentSpanId())
                .isEqualTo(byName.get("publish " + ASK).getSpanId());
        assertThat(byName.get("publish " + ANSWER).getParentSpanId())
                .isEqualTo(byName.get("process " + ASK).getSpanId());
        assertThat(byName.get("process " + ANSWER).getParentSpanId())
                .isEqualTo(byName.get("publish " + ANSWER).getSpanId());
        String conversation = request.getAttributes().get(AttributeKey.stringKey("messaging.message.conversation_id"));
        assertThat(conversation).isNotBlank();
        for (String name : List.of("publish " + ASK, "process " + ASK, "publish " + ANSWER, "process " + ANSWER)) {
            assertThat(byName.get(name)
                            .getAttributes()
                            .get(AttributeKey.stringKey("messaging.message.conversation_id")))
                    .as(name)
                    .isEqualTo(conversation);
        }
    }

    @Test
    void aRequesterIsUsedOnlyWhileStarted_andNamesItsMistakes() {
        EventRequester<Status> asker = requester("cs-a").build();
        open.add(asker);
        assertThatThrownBy(() -> asker.request(new Inquiry("o-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start()");
        assertThatThrownBy(() -> requester("cs:a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no ':' or '@'");
        assertThatThrownBy(() -> EventRequester.builder("billing-service", transport())
                        .publisher(publisher("customer-service", io.opentelemetry.api.OpenTelemetry.noop()))
                        .request(ASK)
                        .reply(ANSWER, Status.class)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer-service's, not billing-service's");
    }
}
