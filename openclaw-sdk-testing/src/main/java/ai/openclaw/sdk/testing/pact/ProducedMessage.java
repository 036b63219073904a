package ai.openclaw.sdk.testing.pact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message as a {@link MessageProducer} method produces it: its content and its metadata. The verifier compares both
 * with the pact: each metadata key the consumer expects must be there with a matching value. A producer method may
 * also return the {@link ai.openclaw.sdk.events.EventEnvelope} the provider published (its metadata is the envelope's
 * {@code type}, {@code contractversion}, {@code source}...), or the bare content, which carries no metadata.
 *
 * <pre>{@code
 * @MessageProducer("a user.created event")
 * ProducedMessage userCreated() {
 *     return ProducedMessage.event("user.created", "1.0", users.register("ada@example.com").toEvent());
 * }
 * }</pre>
 *
 * @param content the content (a payload object, map or {@code JsonNode}), mapped to JSON by the verifier's mapper
 * @param metadata the metadata, by key
 */
public record ProducedMessage(Object content, Map<String, ?> metadata) {
    /** Copies the metadata. */
    public ProducedMessage {
        Objects.requireNonNull(content, "content");
        metadata = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
    }

    /** Content with metadata. */
    public static ProducedMessage of(Object content, Map<String, ?> metadata) {
        return new ProducedMessage(content, metadata);
    }

    /**
     * An SDK event: metadata {@code type} and {@code contractversion}, as {@link
     * ConsumerPact.Builder#expectsToReceive(String, String, String, Object)} records them.
     */
    public static ProducedMessage event(String type, String contractVersion, Object content) {
        return new ProducedMessage(
                content,
                Map.of(
                        "type", Objects.requireNonNull(type, "type"),
                        "contractversion", Objects.requireNonNull(contractVersion, "contractVersion")));
    }
}
