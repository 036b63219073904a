package ai.openclaw.sdk.testing.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.NoGroupException;
import ai.openclaw.sdk.transport.StreamEntry;
import ai.openclaw.sdk.transport.Trim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventTransport} must do, with Redis Streams' semantics. The Redis and the in-memory transports
 * pass it in this project's build; a transport of your own should too.
 *
 * <pre>{@code
 * class MyTransportConformanceTest extends EventTransportConformanceKit {
 *     protected EventTransport newTransport() { return new MyTransport(...); } // empty
 *     protected void trimAll(String stream) { ... }                             // as XTRIM MAXLEN 0
 * }
 * }</pre>
 */
public abstract class EventTransportConformanceKit {
    private static final Duration NO_WAIT = Duration.ZERO;

    /** The transport under test; {@link #newTransport()} gives each test an empty one. */
    protected EventTransport transport;

    /** A transport with no streams. */
    protected abstract EventTransport newTransport();

    /** Removes every entry of a stream, keeping groups and pending lists (as {@code XTRIM key MAXLEN 0}). */
    protected abstract void trimAll(String stream);

    @BeforeEach
    void openTransport() {
        transport = newTransport();
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    private String append(String stream, String data) {
        return transport.append(stream, data, Trim.NONE).toCompletableFuture().join();
    }

    @Test
    void appendedEntriesGetIncreasingIds() {
        String a = append("orders", "1");
        String b = append("orders", "2");
        assertThat(a).matches("\\d+-\\d+");
        assertThat(compare(b, a)).isPositive();
    }

    @Test
    void aNewGroupReadsOnlyNewEntriesUnlessFromTheStart() {
        append("orders", "before");
        transport.createGroup("orders", "new-only", false);
        transport.createGroup("orders", "all", true);
        append("orders", "after");
        assertThat(read("new-only", "c1", 10)).extracting(StreamEntry::data).containsExactly("after");
        assertThat(read("all", "c1", 10)).extracting(StreamEntry::data).containsExactly("before", "after");
    }

    @Test
    void creatingAGroupTwiceIsHarmlessAndCreatesTheStream() {
        transport.createGroup("orders", "g", false);
        transport.createGroup("orders", "g", true);
        assertThat(read("g", "c1", 10)).isEmpty();
    }

    @Test
    void eachEntryGoesToOneConsumerOfAGroupAndStaysPendingUntilAcknowledged() {
        transport.createGroup("orders", "g", false);
        for (int i = 0; i < 4; i++) {
            append("orders", "e" + i);
        }
        List<StreamEntry> first = read("g", "c1", 2);
        List<StreamEntry> second = read("g", "c2", 10);
        assertThat(first).extracting(StreamEntry::data).containsExactly("e0", "e1");
        assertThat(second).extracting(StreamEntry::data).containsExactly("e2", "e3");
        assertThat(first).allSatisfy(e -> {
            assertThat(e.stream()).isEqualTo("orders");
            assertThat(e.deliveries()).isEqualTo(1);
        });
        assertThat(transport.pending("orders", "g")).isEqualTo(4);
        transport.ack("orders", "g", List.of(first.get(0).id(), first.get(1).id()));
        assertThat(transport.pending("orders", "g")).isEqualTo(2);
        assertThat(read("g", "c1", 10))
                .as("acknowledged or not, nothing is read twice")
                .isEmpty();
    }

    @Test
    void lagCountsTheEntriesNotYetDeliveredToTheGroup() {
        assertThat(transport.lag("orders", "g")).as("no stream, no group").isZero();
        transport.createGroup("orders", "g", false);
        assertThat(transport.lag("orders", "g")).isZero();
        for (int i = 0; i < 5; i++) {
            append("orders", "e" + i);
        }
        assertThat(transport.lag("orders", "g")).isEqualTo(5);
        read("g", "c1", 2);
        assertThat(transport.lag("orders", "g"))
                .as("delivered, even if not acknowledged")
                .isEqualTo(3);
        read("g", "c1", 10);
        assertThat(transport.lag("orders", "g")).isZero();
        assertThat(transport.lag("orders", "nobody")).isZero();
    }

    @Test
    void lagCountsOnlyEntriesThatAreStillInTheStream() {
        transport.createGroup("orders", "g", false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(append("orders", "e" + i));
        }
        read("g", "c1", 2);
        transport.delete("orders", List.of(ids.get(3), ids.get(4)));
        assertThat(transport.lag("orders", "g"))
                .as("e2 and e5 wait; e3 and e4 were deleted")
                .isEqualTo(2);
        transport.createGroup("orders", "from-start", true);
        assertThat(transport.lag("orders", "from-start")).isEqualTo(4);
    }

    @Test
    void groupsAreIndependent() {
        transport.createGroup("orders", "billing", true);
        transport.createGroup("orders", "shipping", true);
        append("orders", "e");
        assertThat(read("billing", "c", 10)).hasSize(1);
        assertThat(read("shipping", "c", 10)).hasSize(1);
    }

    @Test
    void aMissingGroupOrStreamIsNoGroup() {
        assertThatThrownBy(() -> read("nobody", "c", 1)).isInstanceOf(NoGroupException.class);
        append("orders", "e");
        assertThatThrownBy(() -> read("nobody", "c", 1)).isInstanceOf(NoGroupException.class);
        assertThatThrownBy(() -> transport.pendingIdle("orders", "nobody", Duration.ZERO, 10))
                .isInstanceOf(NoGroupException.class);
        assertThat(transport.pending("orders", "nobody")).isZero();
    }

    @Test
    void aBlockingReadReturnsWhenAnEntryArrives() throws Exception {
        transport.createGroup("orders", "g", false);
        CompletableFuture<List<StreamEntry>> read = CompletableFuture.supplyAsync(
                () -> transport.read("g", "c", List.of("orders"), 10, Duration.ofSeconds(5)));
        Thread.sleep(200);
        append("orders", "late");
        assertThat(read.get(4, TimeUnit.SECONDS)).extracting(StreamEntry::data).containsExactly("late");
    }

    @Test
    void readsStartedOneAfterAnotherAnswerInOrderWithNoEntryTwice() throws Exception {
        transport.createGroup("orders", "g", true);
        for (int i = 0; i < 25; i++) {
            append("orders", "e" + i);
        }
        List<CompletableFuture<List<StreamEntry>>> reads = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reads.add(transport
                    .readAsync("g", "c", List.of("orders"), 10, i == 0 ? Duration.ofSeconds(1) : Duration.ZERO)
                    .toCompletableFuture());
        }
        List<String> seen = new java.util.ArrayList<>();
        for (CompletableFuture<List<StreamEntry>> r : reads) {
            r.get(10, TimeUnit.SECONDS).forEach(e -> seen.add(e.data()));
        }
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add("e" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(transport.pending("orders", "g")).isEqualTo(25);
    }

    @Test
    void aReadStartedForAMissingGroupFailsAsNoGroup() {
        append("orders", "e");
        assertThat(transport
                        .readAsync("nobody", "c", List.of("orders"), 1, Duration.ZERO)
                        .toCompletableFuture())
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(NoGroupException.class);
    }

    @Test
    void aBlockingReadWithNothingReturnsEmptyAfterItsWait() {
        transport.createGroup("orders", "g", false);
        long start = System.nanoTime();
        assertThat(transport.read("g", "c", List.of("orders"), 10, Duration.ofMillis(300)))
                .isEmpty();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    }

    @Test
    void idleEntriesOfAnyConsumerAreFoundThenClaimedWithTheirDeliveryCount() throws Exception {
        transport.createGroup("orders", "g", false);
        append("orders", "e0");
        append("orders", "e1");
        read("g", "crashed", 10);
        assertThat(transport.pendingIdle("orders", "g", Duration.ofSeconds(30), 10))
                .as("not idle long enough")
                .isEmpty();
        Thread.sleep(150);
        List<EventTransport.PendingEntry> idle = transport.pendingIdle("orders", "g", Duration.ofMillis(100), 10);
        assertThat(idle).hasSize(2).allSatisfy(p -> {
            assertThat(p.consumer()).isEqualTo("crashed");
            assertThat(p.deliveries()).isEqualTo(1);
            assertThat(p.idle()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        });
        EventTransport.Claim claim = transport.claim("orders", "g", "alive", Duration.ofMillis(100), idle);
        assertThat(claim.entries()).extracting(StreamEntry::data).containsExactly("e0", "e1");
        assertThat(claim.entries()).allSatisfy(e -> assertThat(e.deliveries()).isEqualTo(2));
        assertThat(claim.trimmed()).isEmpty();
        assertThat(transport.pendingIdle("orders", "g", Duration.ofMillis(100), 10))
                .as("a claim resets the idle time")
                .isEmpty();
        assertThat(transport
                        .claim("orders", "g", "other", Duration.ofMillis(100), idle)
                        .entries())
                .as("claimed meanwhile: not idle any more")
                .isEmpty();
        Thread.sleep(150);
        List<EventTransport.PendingEntry> again = transport.pendingIdle("orders", "g", Duration.ofMillis(100), 1);
        assertThat(again).singleElement().satisfies(p -> {
            assertThat(p.consumer()).isEqualTo("alive");
            assertThat(p.deliveries()).isEqualTo(2);
        });
        assertThat(transport
                        .claim("orders", "g", "third", Duration.ofMillis(100), again)
                        .entries())
                .singleElement()
                .satisfies(e -> assertThat(e.deliveries()).isEqualTo(3));
        assertThat(transport.pending("orders", "g")).isEqualTo(2);
    }

    @Test
    void pendingEntriesTrimmedAwayAreReportedForTheCallerToAcknowledge() throws Exception {
        transport.createGroup("orders", "g", false);
        append("orders", "e0");
        append("orders", "e1");
        read("g", "crashed", 10);
        trimAll("orders");
        Thread.sleep(150);
        List<EventTransport.PendingEntry> idle = transport.pendingIdle("orders", "g", Duration.ofMillis(100), 10);
        assertThat(idle).hasSize(2);
        EventTransport.Claim claim = transport.claim("orders", "g", "alive", Duration.ofMillis(100), idle);
        assertThat(claim.entries()).isEmpty();
        assertThat(claim.trimmed())
                .containsExactlyInAnyOrderElementsOf(
                        idle.stream().map(EventTransport.PendingEntry::id).toList());
        transport.ack("orders", "g", claim.trimmed());
        assertThat(transport.pending("orders", "g")).isZero();
    }

    @Test
    void consumersAreListedWithWhatTheyHoldAndCanBeRemoved() {
        transport.createGroup("orders", "g", false);
        append("orders", "e0");
        append("orders", "e1");
        append("orders", "e2");
        read("g", "c1", 1);
        read("g", "c2", 10);
        assertThat(transport.consumers("orders", "g"))
                .extracting(EventTransport.GroupConsumer::name, EventTransport.GroupConsumer::pending)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("c1", 1L), org.assertj.core.groups.Tuple.tuple("c2", 2L));
        transport.removeConsumer("orders", "g", "c2");
        assertThat(transport.consumers("orders", "g"))
                .extracting(EventTransport.GroupConsumer::name)
                .containsExactly("c1");
        assertThat(transport.pending("orders", "g"))
                .as("its pending entries went with it")
                .isEqualTo(1);
        assertThat(transport.consumers("orders", "nobody")).isEmpty();
    }

    @Test
    void entriesTrimmedBeforeTheGroupReadThemAreCountedWhereTheTransportCanTell() {
        transport.createGroup("orders", "g", false);
        for (int i = 0; i < 5; i++) {
            append("orders", "e" + i);
        }
        transport.ack(
                "orders", "g", read("g", "c1", 2).stream().map(StreamEntry::id).toList());
        trimAll("orders");
        long lost = transport.trimmedUnread("orders", "g");
        assertThat(lost)
                .as("e2, e3 and e4 were never read; -1 when the transport cannot tell")
                .isIn(3L, -1L);
        assertThat(transport.lag("orders", "g"))
                .as("what is not there is no lag")
                .isZero();
    }

    @Test
    void trimmingThatKeepsUnreadEntriesWaitsForTheSlowestGroup() throws Exception {
        transport.createGroup("orders", "g", true);
        Trim keep = Trim.maxLength(2).keepingUnread();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(transport
                    .append("orders", "e" + i, keep)
                    .toCompletableFuture()
                    .join());
        }
        assertThat(transport.length("orders")).as("none read: all kept").isEqualTo(10);
        List<StreamEntry> first = read("g", "c1", 10);
        transport.ack(
                "orders", "g", first.subList(0, 6).stream().map(StreamEntry::id).toList());
        transport.append("orders", "e10", keep).toCompletableFuture().join();
        awaitLength("orders", 5); // e6..e9 still pending, e10 unread: kept; e0..e5 read and acknowledged: gone
        assertThat(transport.range("orders", "-", 20))
                .extracting(StreamEntry::data)
                .containsExactly("e6", "e7", "e8", "e9", "e10");
        transport.ack(
                "orders",
                "g",
                first.subList(6, 10).stream().map(StreamEntry::id).toList());
        read("g", "c1", 10);
        transport.append("orders", "e11", keep).toCompletableFuture().join();
        awaitLength("orders", 2); // e10 pending... until acknowledged; only the limit is left to apply
    }

    /** Polls: a transport may trim apart from the append, on a thread of its own. */
    private void awaitLength(String stream, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (transport.length(stream) != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(transport.length(stream)).isEqualTo(expected);
    }

    @Test
    void appendsMadeWithoutWaitingKeepTheirOrder() {
        List<java.util.concurrent.CompletionStage<String>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(transport.append(i % 2 == 0 ? "even" : "odd", String.valueOf(i), Trim.NONE));
        }
        List<String> ids =
                sent.stream().map(s -> s.toCompletableFuture().join()).toList();
        assertThat(ids).hasSize(50);
        List<String> evenIds = new ArrayList<>();
        for (int i = 0; i < 50; i += 2) {
            evenIds.add(ids.get(i));
        }
        assertThat(evenIds).as("ids are unique within a stream").doesNotHaveDuplicates();
        transport.createGroup("even", "g", true);
        assertThat(read("g", "c", "even", 100))
                .extracting(StreamEntry::data)
                .containsExactlyElementsOf(List.of(
                        "0", "2", "4", "6", "8", "10", "12", "14", "16", "18", "20", "22", "24", "26", "28", "30", "32",
                        "34", "36", "38", "40", "42", "44", "46", "48"));
    }

    @Test
    void entriesAppendedTogetherAreStoredInOrderEachWithItsStage() {
        // more entries than a transport may write at once (RedisTransport: 1,000), over two streams
        List<EventTransport.NewEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            entries.add(new EventTransport.NewEntry(i % 5 == 0 ? "fifth" : "rest", "e" + i, Trim.NONE));
        }
        List<java.util.concurrent.CompletionStage<String>> stages = transport.appendAll(entries);
        assertThat(stages).hasSize(2_500);
        List<String> ids =
                stages.stream().map(s -> s.toCompletableFuture().join()).toList();
        List<String> fifthIds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 5) {
            fifthIds.add(ids.get(i));
        }
        assertThat(fifthIds).as("ids are unique within a stream").doesNotHaveDuplicates();
        assertThat(transport.length("fifth")).isEqualTo(500);
        assertThat(transport.length("rest")).isEqualTo(2_000);
        List<StreamEntry> fifth = transport.range("fifth", "-", 1_000);
        assertThat(fifth)
                .extracting(StreamEntry::data)
                .startsWith("e0", "e5", "e10")
                .endsWith("e2495");
        assertThat(fifth)
                .extracting(StreamEntry::id)
                .as("each stage has its own entry's id")
                .isEqualTo(fifthIds);
        assertThat(transport.range("rest", "-", 3_000))
                .extracting(StreamEntry::data)
                .startsWith("e1", "e2", "e3", "e4", "e6")
                .endsWith("e2499");
        assertThat(transport.appendAll(List.of())).isEmpty();
    }

    @Test
    void trimmingByLengthBoundsAStream() {
        for (int i = 0; i < 1_000; i++) {
            transport
                    .append("orders", "e" + i, Trim.maxLength(100))
                    .toCompletableFuture()
                    .join();
        }
        transport.createGroup("orders", "g", true);
        List<StreamEntry> kept = read("g", "c", 2_000);
        assertThat(kept.size()).as("about 100: Redis trims whole nodes").isBetween(100, 300);
        assertThat(kept.get(kept.size() - 1).data()).isEqualTo("e999");
    }

    @Test
    void entriesCanBeInspectedAndDeletedOutsideGroups() {
        String a = append("orders", "a");
        String b = append("orders", "b");
        String c = append("orders", "c");
        assertThat(transport.length("orders")).isEqualTo(3);
        assertThat(transport.length("nothing")).isZero();
        assertThat(transport.range("orders", "-", 10))
                .extracting(StreamEntry::data)
                .containsExactly("a", "b", "c");
        assertThat(transport.range("orders", b, 10)).extracting(StreamEntry::id).containsExactly(b, c);
        assertThat(transport.range("orders", "-", 1))
                .extracting(StreamEntry::id)
                .containsExactly(a);
        assertThat(transport.latest("orders", 2)).extracting(StreamEntry::data).containsExactly("c", "b");
        transport.delete("orders", List.of(b));
        assertThat(transport.range("orders", "-", 10))
                .extracting(StreamEntry::data)
                .containsExactly("a", "c");
        assertThat(transport.range("nothing", "-", 10)).isEmpty();
    }

    private List<StreamEntry> read(String group, String consumer, int count) {
        return read(group, consumer, "orders", count);
    }

    private List<StreamEntry> read(String group, String consumer, String stream, int count) {
        return transport.read(group, consumer, List.of(stream), count, NO_WAIT);
    }

    private static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int c = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return c != 0 ? c : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
