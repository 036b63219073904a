package ai.openclaw.sdk.events;

import ai.openclaw.sdk.events.internal.DeadLetterCodec;
import ai.openclaw.sdk.events.internal.WireNames;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.StreamEntry;
import ai.openclaw.sdk.transport.Trim;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Lists and replays dead letters: the entries subscribers gave up on, kept in {@code <stream>.dlq}.
 *
 * <pre>{@code
 * DeadLetters dlq = DeadLetters.of(transport);
 * dlq.list("user.created", 50).forEach(l -> System.out.println(l.originalId() + ": " + l.reason()));
 * dlq.replay("user.created", null, 100); // every dead letter back into user.created, then removed from the dlq
 * }</pre>
 *
 * <p>Replaying appends the original data to the original stream as a new entry (every group sees it again: a group
 * that had handled it handles it twice, which at-least-once handlers tolerate) and only then deletes the dead letter.
 */
public final class DeadLetters {
    private final EventTransport transport;
    private final String suffix;
    private final ObjectMapper json = JsonMappers.standard();

    private DeadLetters(EventTransport transport, String suffix) {
        this.transport = transport;
        this.suffix = suffix;
    }

    /** Dead letters in the default streams, {@code <stream>.dlq}. */
    public static DeadLetters of(EventTransport transport) {
        return of(transport, WireNames.DEFAULT_DEAD_LETTER_SUFFIX);
    }

    /** Dead letters in {@code <stream><suffix>}, for subscribers built with another {@code deadLetterSuffix}. */
    public static DeadLetters of(EventTransport transport, String suffix) {
        return new DeadLetters(
                Objects.requireNonNull(transport, "transport"), Objects.requireNonNull(suffix, "suffix"));
    }

    /** The dead-letter stream of a stream. */
    public String streamOf(String stream) {
        return WireNames.deadLetterStream(stream, suffix);
    }

    /** The number of dead letters of a stream. */
    public long count(String stream) {
        return transport.length(streamOf(stream));
    }

    /** The oldest dead letters of a stream, at most {@code limit}. */
    public List<DeadLetter> list(String stream, int limit) {
        List<DeadLetter> out = new ArrayList<>();
        for (StreamEntry e : transport.range(streamOf(stream), "-", limit)) {
            out.add(parse(stream, e));
        }
        return out;
    }

    /** What a replay did. */
    public record Replay(List<String> replayed, List<String> skipped) {
        /** Copies the lists. */
        public Replay {
            replayed = List.copyOf(replayed);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Puts dead letters back into their stream.
     *
     * @param stream the original stream
     * @param deadLetterId one dead letter's id, or {@code null} for the oldest {@code limit}
     * @return the new entry ids in the stream, and the dead letters skipped (no data to replay), each with why
     */
    public Replay replay(String stream, @Nullable String deadLetterId, int limit) {
        List<StreamEntry> letters = deadLetterId == null
                ? transport.range(streamOf(stream), "-", limit)
                : transport.range(streamOf(stream), deadLetterId, 1).stream()
                        .filter(e -> e.id().equals(deadLetterId))
                        .toList();
        if (deadLetterId != null && letters.isEmpty()) {
            throw new IllegalArgumentException("no dead letter " + deadLetterId + " in " + streamOf(stream));
        }
        List<String> replayed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (StreamEntry e : letters) {
            DeadLetter letter = parse(stream, e);
            if (letter.data().isEmpty()) {
                skipped.add(e.id() + ": the entry had no data to replay");
                continue;
            }
            String id = transport
                    .append(stream, letter.data().get(), Trim.NONE)
                    .toCompletableFuture()
                    .join();
            transport.delete(streamOf(stream), List.of(e.id()));
            replayed.add(id);
        }
        return new Replay(replayed, skipped);
    }

    private DeadLetter parse(String stream, StreamEntry e) {
        return DeadLetterCodec.decode(json, e.id(), stream, e.data());
    }
}
