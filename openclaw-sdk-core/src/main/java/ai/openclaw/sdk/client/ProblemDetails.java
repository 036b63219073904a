package ai.openclaw.sdk.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 {@code application/problem+json} body.
 *
 * @param type a URI naming the problem type ({@code about:blank} when absent)
 * @param title a short summary
 * @param status the HTTP status the problem says
 * @param detail an explanation of this occurrence
 * @param instance a URI naming this occurrence
 * @param document the whole document, extensions included
 */
public record ProblemDetails(
        String type,
        Optional<String> title,
        Optional<Integer> status,
        Optional<String> detail,
        Optional<String> instance,
        JsonNode document) {
    /** Validates the components. */
    public ProblemDetails {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(document, "document");
    }

    static Optional<ProblemDetails> from(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new ProblemDetails(
                node.path("type").asText("about:blank"),
                text(node, "title"),
                node.path("status").isInt() ? Optional.of(node.get("status").asInt()) : Optional.empty(),
                text(node, "detail"),
                text(node, "instance"),
                node));
    }

    private static Optional<String> text(JsonNode node, String name) {
        return node.path(name).isTextual() ? Optional.of(node.get(name).asText()) : Optional.empty();
    }
}
