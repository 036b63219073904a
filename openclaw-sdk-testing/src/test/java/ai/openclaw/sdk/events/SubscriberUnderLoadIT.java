package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.Trim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The subscriber saturated, against a real redis-server: delivery counts count handler runs, orphans of a dead
 * consumer are taken up ahead of the backlog, dead consumers leave the group, and entries trimmed unread are counted.
 */
@ExtendWith(RedisExtension.class)
class SubscriberUnderLoadIT {
    record Numbered(int n) {}

    private RedisServer redis;
    private RedisTransport transport;
    private final List<EventSubscriber> subscribers = new ArrayList<>();

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

    private EventSubscriber started(EventSubscriber.Builder builder) {
        EventSubscriber s = builder.build();
        subscribers.add(s);
        s.start();
        return s;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void entriesQueuedLongerThanTheProcessingTimeoutAreNotClaimedAgain() throws Exception {
        List<Long> deliveries = new CopyOnWriteArrayList<>();
        AtomicInteger poisonRuns = new AtomicInteger();
        EventSubscriber subscriber = started(EventSubscriber.builder("billing-service", transport)
                .workers(1)
                .maxInFlight(16)
                .batchSize(16)
                .processingTimeout(Duration.ofMillis(200))
                .reclaimInterval(Duration.ofMillis(50))
                .handlerAttempts(1)
                .maxDeliveries(3)
                .on("numbered", Numbered.class, (event, meta) -> {
                    if (event.n() < 0) {
                        poisonRuns.incrementAndGet();
                        throw new IllegalStateException("poison");
                    }
                    Thread.sleep(40); // 16 queued behind one worker: the last waits far past the processing timeout
                    deliveries.add(meta.deliveries());
                }));
        EventPublisher publisher = EventPublisher.builder("numbers", transport).build();
        publisher.publish("numbered", new Numbered(-1));
        for (int i = 0; i < 16; i++) {
            publisher.publish("numbered", new Numbered(i));
        }
        await(
                "every event handled and the poison dead-lettered",
                () -> deliveries.size() == 16 && subscriber.stats().deadLettered() == 1);
        assertThat(deliveries)
                .as("each handled on its first delivery: queued locally is not idle")
                .containsOnly(1L);
        assertThat(poisonRuns).as("one handler run per delivery").hasValue(3);
        DeadLetter letter = DeadLetters.of(transport).list("numbered", 10).get(0);
        assertThat(letter.deliveries()).isEqualTo(3);
        assertThat(letter.reason()).startsWith("the handler failed on each of 3 deliveries: ");
    }

    @Test
    void aSubscriberStoppedAndStartedAgainReadsOnWithoutANewConnection() throws Exception {
        EventPublisher publisher = EventPublisher.builder("numbers", transport).build();
        int before = -1;
        for (int round = 0; round < 6; round++) {
            CountDownLatch handled = new CountDownLatch(1);
            EventSubscriber s = EventSubscriber.builder("billing-service", transport)
                    .pollTimeout(Duration.ofMillis(50))
                    .on("numbered", Numbered.class, (event, meta) -> handled.countDown())
                    .build();
            s.start();
            publisher.publish("numbered", new Numbered(round));
            assertThat(handled.await(60, TimeUnit.SECONDS)).isTrue();
            s.close();
            if (round == 0) {
                before = clients();
            }
        }
        assertThat(clients())
                .as("each start's reading thread takes the connection the last one left, rather than leak one")
                .isEqualTo(before);
    }

    /** The clients connected to Redis now, from CLIENT LIST (one line each). */
    private int clients() {
        String list = String.valueOf(redis.command("CLIENT", "LIST"));
        return (int) list.lines().filter(l -> !l.isBlank()).count();
    }

    @Test
    void orphansOfADeadConsumerAreTakenUpAheadOfTheBacklog() throws Exception {
        EventPublisher publisher = EventPublisher.builder("numbers", transport).build();
        transport.createGroup("numbered", "billing-service", true);
        for (int i = 0; i < 100; i++) {
            publisher.publish("numbered", new Numbered(-1 - i)); // negative: orphans
        }
        assertThat(transport.read("billing-service", "crashed", List.of("numbered"), 100, Duration.ZERO))
                .hasSize(100); // read by a consumer that then dies: pending, never acknowledged
        List<String> backlog = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            backlog.add(publisher.publish("numbered", new Numbered(i)));
        }
        await(
                "the orphans idle past the processing timeout",
                () -> transport
                                .pendingIdle("numbered", "billing-service", Duration.ofSeconds(1), 200)
                                .size()
                        == 100);
        Set<Integer> orphansHandled = ConcurrentHashMap.newKeySet();
        AtomicInteger backlogHandled = new AtomicInteger();
        AtomicInteger backlogWhenOrphansDone = new AtomicInteger(-1);
        started(EventSubscriber.builder("billing-service", transport)
                .workers(2)
                .maxInFlight(8)
                .batchSize(8)
                .processingTimeout(Duration.ofSeconds(1))
                .reclaimInterval(Duration.ofMillis(200))
                .on("numbered", Numbered.class, (event, meta) -> {
                    Thread.sleep(10);
                    if (event.n() < 0) {
                        orphansHandled.add(event.n());
                        if (orphansHandled.size() == 100) {
                            backlogWhenOrphansDone.compareAndSet(-1, backlogHandled.get());
                        }
                    } else {
                        backlogHandled.incrementAndGet();
                    }
                }));
        await("the orphans are handled", () -> orphansHandled.size() == 100);
        await("the backlog is handled", () -> backlogHandled.get() == 1_000);
        // the backlog keeps every slot busy for seconds; the orphans, reclaimable from the first round, take every slot
        // freed until all are claimed: the few backlog entries read at start are handled first (about 35 measured on a
        // loaded machine), not half the backlog (a page claimed a slot at a time, one page a round) or all of it (the
        // reclaimer waiting for a slot the reader never left free)
        assertThat(backlogWhenOrphansDone.get()).isBetween(0, 150);
        await("every entry acknowledged", () -> transport.pending("numbered", "billing-service") == 0);
    }

    @Test
    void deadConsumersLeaveTheGroup() throws Exception {
        transport.createGroup("numbered", "billing-service", false);
        EventPublisher publisher = EventPublisher.builder("numbers", transport).build();
        for (String dead : List.of("restart-1", "restart-2", "restart-3")) {
            // each process of an earlier run read an event, handled it, and went away: it holds nothing
            publisher.publish("numbered", new Numbered(0));
            var read = transport.read("billing-service", dead, List.of("numbered"), 10, Duration.ZERO);
            transport.ack(
                    "numbered",
                    "billing-service",
                    read.stream().map(e -> e.id()).toList());
        }
        AtomicInteger handled = new AtomicInteger();
        EventSubscriber live = started(EventSubscriber.builder("billing-service", transport)
                .pollTimeout(Duration.ofMillis(100))
                .reclaimInterval(Duration.ofMillis(100))
                .deadConsumerTimeout(Duration.ofMillis(300))
                .on("numbered", Numbered.class, (event, meta) -> handled.incrementAndGet()));
        publisher.publish("numbered", new Numbered(1)); // Redis 7 lists a consumer once it has read something
        await("the live consumer handled its event", () -> handled.get() == 1);
        await("only the live consumer is left", () -> transport.consumers("numbered", "billing-service").stream()
                .map(EventTransport.GroupConsumer::name)
                .toList()
                .equals(List.of(live.consumerName())));
    }

    @Test
    void entriesTrimmedBeforeTheGroupReadThemAreCountedAndLogged() throws Exception {
        assumeTrue(!redis.version().startsWith("6."), "Redis 6.2 cannot tell how many were trimmed unread");
        CountDownLatch release = new CountDownLatch(1);
        EventSubscriber lagging = started(EventSubscriber.builder("billing-service", transport)
                .workers(1)
                .maxInFlight(1)
                .reclaimInterval(Duration.ofMillis(100))
                .on("numbered", Numbered.class, (event, meta) -> release.await()));
        EventPublisher trimming = EventPublisher.builder("numbers", transport)
                .trim("numbered", Trim.maxLength(50))
                .build();
        for (int i = 0; i < 1_000; i++) {
            trimming.publish("numbered", new Numbered(i));
        }
        await("entries trimmed unread are counted", () -> lagging.stats().trimmedUnread() > 0);
        assertThat(lagging.stats().trimmedUnread())
                .as("about the 1,000 published less what the stream kept and what was read")
                .isBetween(500L, 1_000L);
        release.countDown();
    }

    @Test
    void aPublisherKeepingUnreadEntriesNeverTrimsPastTheSlowestGroup() throws Exception {
        transport.createGroup("numbered", "slow-service", true);
        EventPublisher keeping = EventPublisher.builder("numbers", transport)
                .trim("numbered", Trim.maxLength(50).keepingUnread())
                .build();
        for (int i = 0; i < 1_000; i++) {
            keeping.publish("numbered", new Numbered(i));
        }
        List<Integer> read = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (read.size() < 1_000) {
            var entries = transport.read("slow-service", "c", List.of("numbered"), 200, Duration.ZERO);
            assertThat(entries).as("nothing unread was trimmed").isNotEmpty();
            for (var e : entries) {
                read.add(EventEnvelope.parse(e.data(), new com.fasterxml.jackson.databind.ObjectMapper())
                        .data()
                        .get("n")
                        .asInt());
                ids.add(e.id());
            }
        }
        assertThat(read)
                .as("every event, in order")
                .isEqualTo(java.util.stream.IntStream.range(0, 1_000).boxed().toList());
        transport.ack("numbered", "slow-service", ids);
        keeping.publish("numbered", new Numbered(1_000)); // trims what every group has read
        await("trimmed to about its limit once read", () -> transport.length("numbered") <= 60);
        assertThat(transport.length("numbered")).isGreaterThanOrEqualTo(50L);
    }
}
