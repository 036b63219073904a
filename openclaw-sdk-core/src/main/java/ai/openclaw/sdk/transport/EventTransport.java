package ai.openclaw.sdk.transport;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The stream operations publishers and subscribers need, with Redis Streams' semantics. Implementations are
 * thread-safe; failures to reach the store surface as exceptions (or failed stages), never as silent success.
 *
 * <pre>{@code
 * EventTransport transport = RedisTransport.create(RedisURI.create("redis://localhost:6379"));
 * String id = transport.append("user.created", envelopeJson, Trim.maxLength(100_000)).toCompletableFuture().join();
 * transport.createGroup("user.created", "billing-service", false);
 * List<StreamEntry> entries = transport.read("billing-service", "billing-1", List.of("user.created"), 16,
 *         Duration.ofSeconds(1));
 * transport.ack("user.created", "billing-service", List.of(entries.get(0).id()));
 * }</pre>
 */
public interface EventTransport extends AutoCloseable {
    /**
     * Appends an entry with one field, {@code data}. The call must not wait for the store: entries appended one after
     * another, without waiting, are stored in that order (the publisher's batches rely on it; Lettuce pipelines them).
     * Cancelling the returned stage's future withdraws the append if it has not been sent yet (a publisher that stops
     * waiting does, so that a retry never stacks a copy of an attempt still queued). A failed stage fails with an
     * {@link AppendException} saying whether the entry may be stored anyway.
     *
     * @return the entry's id, once the store has it
     */
    CompletionStage<String> append(String stream, String data, Trim trim);

    /**
     * Appends several entries, in order, each as {@link #append} would: the stages are in the entries' order and each
     * succeeds or fails (and is withdrawn, or cancelled) on its own. A transport may hand them to the store together,
     * in one write; Redis stores them in order. The default appends them one after another.
     *
     * <pre>{@code
     * List<CompletionStage<String>> ids = transport.appendAll(List.of(
     *         new EventTransport.NewEntry("user.created", first, trim),
     *         new EventTransport.NewEntry("user.created", second, trim)));
     * }</pre>
     *
     * @return one stage per entry, in order
     */
    default List<CompletionStage<String>> appendAll(List<NewEntry> entries) {
        List<CompletionStage<String>> stages = new java.util.ArrayList<>(entries.size());
        for (NewEntry e : entries) {
            stages.add(append(e.stream(), e.data(), e.trim()));
        }
        return stages;
    }

    /** An entry to append: {@code data} to {@code stream}, trimmed as {@code trim} says. */
    record NewEntry(String stream, String data, Trim trim) {
        /** Checks that no part is missing. */
        public NewEntry {
            java.util.Objects.requireNonNull(stream, "stream");
            java.util.Objects.requireNonNull(data, "data");
            java.util.Objects.requireNonNull(trim, "trim");
        }
    }

    /**
     * Withdraws an append whose answer the caller no longer waits for: cancels it, and says whether the entry surely
     * will not be stored. The default cancels and answers false (it may have been sent); a transport that knows the
     * append was still queued (Redis unreachable since it was made) answers true.
     *
     * @param append a stage {@link #append} returned
     * @return true when the entry was not sent and now never will be; false when it may be stored
     */
    default boolean withdraw(CompletionStage<String> append) {
        append.toCompletableFuture().cancel(true);
        return false;
    }

    /**
     * Creates a consumer group, and the stream if it is missing; does nothing when the group exists.
     *
     * @param fromStart whether a new group starts with the entries already in the stream, or only new ones
     */
    void createGroup(String stream, String group, boolean fromStart);

    /**
     * Reads new entries for a consumer of a group, waiting up to {@code block} when there are none.
     *
     * @throws NoGroupException when the group or a stream does not exist
     */
    List<StreamEntry> read(String group, String consumer, List<String> streams, int count, Duration block);

    /**
     * Starts a {@link #read} and returns at once, so that a reader can ask for its next batch while the previous one is
     * on its way; reads started by one thread complete in the order they were started, each with entries after the
     * previous one's. The stage fails as {@code read} throws (a {@link NoGroupException} when the group or a stream is
     * missing) and fails by itself when no answer comes within {@code block} plus the transport's command timeout.
     *
     * <p>The default reads now, on the calling thread, and returns a completed stage.
     */
    default CompletionStage<List<StreamEntry>> readAsync(
            String group, String consumer, List<String> streams, int count, Duration block) {
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(read(group, consumer, streams, count, block));
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /** Acknowledges entries: they leave the group's pending list. */
    void ack(String stream, String group, Collection<String> ids);

    /**
     * Entries of the group delivered and not acknowledged for at least {@code minIdle}, of any consumer, oldest
     * first ({@code XPENDING ... IDLE}). Reading them changes nothing.
     *
     * @throws NoGroupException when the group or the stream does not exist
     */
    List<PendingEntry> pendingIdle(String stream, String group, Duration minIdle, int count);

    /**
     * An entry delivered to a consumer of a group and not acknowledged.
     *
     * @param id the entry id
     * @param consumer the consumer it was last delivered to
     * @param idle how long since that delivery
     * @param deliveries how many times it was delivered
     */
    record PendingEntry(String id, String consumer, Duration idle, long deliveries) {}

    /**
     * Claims pending entries {@link #pendingIdle} found, for {@code consumer} ({@code XCLAIM}), those still idle for at
     * least {@code minIdle}: each is delivered again, its delivery count one higher than the one given. An entry
     * another consumer claimed meanwhile is left out; one whose data was trimmed away is reported in {@link
     * Claim#trimmed()}, still pending, for the caller to acknowledge.
     *
     * @throws NoGroupException when the group or the stream does not exist
     */
    Claim claim(String stream, String group, String consumer, Duration minIdle, Collection<PendingEntry> pending);

    /**
     * What a claim found.
     *
     * @param entries the claimed entries, with their delivery counts (this delivery included)
     * @param trimmed ids that were pending but whose entries were trimmed away: still pending, for the caller to
     *     acknowledge and count
     */
    record Claim(List<StreamEntry> entries, List<String> trimmed) {
        /** Copies the lists. */
        public Claim {
            entries = List.copyOf(entries);
            trimmed = List.copyOf(trimmed);
        }
    }

    /** The consumers of a group ({@code XINFO CONSUMERS}); empty when the group does not exist. */
    List<GroupConsumer> consumers(String stream, String group);

    /**
     * A consumer of a group.
     *
     * @param name its name
     * @param pending how many entries it holds delivered and not acknowledged
     * @param idle how long since it last read or claimed
     */
    record GroupConsumer(String name, long pending, Duration idle) {}

    /** Removes a consumer from a group ({@code XGROUP DELCONSUMER}); its pending entries, if any, go with it. */
    void removeConsumer(String stream, String group, String consumer);

    /**
     * Entries of a stream from an id on (inclusive), oldest first, outside any group; for inspection and dead-letter
     * handling. Entries read this way carry a delivery count of 1.
     *
     * @param fromId the first id, or {@code "-"} for the start
     */
    List<StreamEntry> range(String stream, String fromId, int count);

    /** The newest entries of a stream, newest first. */
    List<StreamEntry> latest(String stream, int count);

    /** Deletes entries from a stream. */
    void delete(String stream, Collection<String> ids);

    /** The number of entries in a stream; 0 when it does not exist. */
    long length(String stream);

    /** The number of entries pending (delivered, not acknowledged) in a group; 0 when the group does not exist. */
    long pending(String stream, String group);

    /**
     * The group's lag: how many entries of the stream were not yet delivered to it; 0 when the group does not exist.
     * A transport that cannot tell answers -1 (the default). A transport may cap what it counts and answer its cap for
     * any larger lag: the Redis transport counts itself where Redis does not report the lag (Redis 6.2), exactly up
     * to 10,000 entries.
     */
    default long lag(String stream, String group) {
        return -1;
    }

    /**
     * How many entries of the stream were trimmed away before the group read them, since the group was created: the
     * events it lost. -1 when the transport cannot tell (the default; Redis before 7.0).
     */
    default long trimmedUnread(String stream, String group) {
        return -1;
    }

    /** Closes connections this transport opened. */
    @Override
    void close();
}
