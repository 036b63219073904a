package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.events.DeadLetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of a dead letter, written by the subscriber and read by {@code DeadLetters} and the command line: one
 * codec, so the two never drift. Fields: {@code reason}, {@code stream}, {@code originalId}, {@code group}, {@code
 * consumer}, {@code deliveries}, {@code deadLetteredAt}, {@code eventId} (when the entry was an envelope), {@code data}
 * (the entry's original data, as it was).
 */
public final class DeadLetterCodec {
    /**
     * A dead letter as written (read back, it is a {@link DeadLetter}, which adds its own entry id).
     *
     * @param stream the stream the entry came from
     * @param originalId its id there
     * @param reason why it was given up on
     * @param group the group that gave up
     * @param consumer the consumer that gave up
     * @param deliveries how many times it was delivered
     * @param deadLetteredAt when
     * @param eventId the envelope's id, when it was one
     * @param data the original data, when there was any
     */
    public record Letter(
            String stream,
            String originalId,
            String reason,
            String group,
            String consumer,
            long deliveries,
            Instant deadLetteredAt,
            @Nullable String eventId,
            @Nullable String data) {}

    private DeadLetterCodec() {}

    /** The letter as the JSON a dead-letter stream's {@code data} field holds. */
    public static String encode(ObjectMapper json, Letter l) {
        ObjectNode n = json.createObjectNode();
        n.put("reason", l.reason());
        n.put("stream", l.stream());
        n.put("originalId", l.originalId());
        n.put("group", l.group());
        n.put("consumer", l.consumer());
        n.put("deliveries", l.deliveries());
        n.put("deadLetteredAt", l.deadLetteredAt().toString());
        if (l.eventId() != null) {
            n.put("eventId", l.eventId());
        }
        n.put("data", l.data());
        try {
            return json.writer().with(SURROGATES_ESCAPED).writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a dead letter could not be written as JSON", e);
        }
    }

    /**
     * Surrogates written as <code>&#92;uXXXX</code>: the bytes of an entry that were not UTF-8 (read as lone surrogates, see
     * {@link LosslessUtf8Codec}) stay in the dead letter's JSON, which is itself valid UTF-8, and read back as they were.
     * A character outside the BMP is written as its escaped pair, which every JSON parser reads as the character.
     */
    private static final com.fasterxml.jackson.core.io.CharacterEscapes SURROGATES_ESCAPED =
            new com.fasterxml.jackson.core.io.CharacterEscapes() {
                private final int[] ascii = standardAsciiEscapesForJSON();

                @Override
                public int[] getEscapeCodesForAscii() {
                    return ascii;
                }

                @Override
                public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
                    return Character.isSurrogate((char) ch)
                            ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch))
                            : null;
                }
            };

    /**
     * Reads a dead letter; one that is not JSON reads as a letter whose reason says so.
     *
     * @param id the dead letter's own entry id
     * @param stream the stream it is a dead letter of, for letters that do not say
     */
    public static DeadLetter decode(ObjectMapper json, String id, String stream, @Nullable String text) {
        JsonNode n;
        try {
            n = text == null ? json.createObjectNode() : json.readTree(text);
        } catch (Exception e) {
            n = json.createObjectNode().put("reason", "(an unreadable dead letter)");
        }
        Instant at;
        try {
            at = Instant.parse(n.path("deadLetteredAt").asText());
        } catch (RuntimeException e) {
            at = Instant.EPOCH;
        }
        return new DeadLetter(
                id,
                n.path("stream").asText(stream),
                n.path("originalId").asText(""),
                n.path("reason").asText(""),
                n.path("group").asText(""),
                n.path("consumer").asText(""),
                n.path("deliveries").asLong(0),
                at,
                n.hasNonNull("eventId") ? Optional.of(n.get("eventId").asText()) : Optional.empty(),
                n.hasNonNull("data") ? Optional.of(n.get("data").asText()) : Optional.empty());
    }
}
