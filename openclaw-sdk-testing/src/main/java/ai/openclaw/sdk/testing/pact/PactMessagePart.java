package ai.openclaw.sdk.testing.pact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a request and a response share: a body (JSON with matchers, text or XML, or binary) and rules for places inside
 * bodies that cannot hold matchers themselves.
 *
 * @param <T> the request or response type, returned by each method for chaining
 */
abstract class PactMessagePart<T extends PactMessagePart<T>> {
    @Nullable
    Object body;

    boolean hasBody;
    String contentType = "application/json";
    final Map<String, PactMatcher> bodyRules = new LinkedHashMap<>();

    PactMessagePart() {}

    abstract T self();

    /**
     * A JSON body: maps, lists, records and other objects the pact's mapper turns into JSON, with {@link PactMatchers
     * matchers} anywhere inside; sent with {@code Content-Type: application/json} unless a header says otherwise (a
     * {@code contentType} matcher as the whole body gives its own type).
     */
    public T body(@Nullable Object body) {
        this.body = body;
        this.hasBody = true;
        return self();
    }

    /**
     * A body that is not JSON (XML, plain text, CSV...), with this {@code Content-Type}; compared as XML when the type
     * says XML, as text otherwise.
     *
     * <pre>{@code
     * PactRequest.post("/orders").body("<order id=\"o-1\"/>", "application/xml")
     * }</pre>
     */
    public T body(String content, String contentType) {
        this.body = com.fasterxml.jackson.databind.node.TextNode.valueOf(Objects.requireNonNull(content, "content"));
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.hasBody = true;
        return self();
    }

    /**
     * A binary body (an image, a PDF...) with its {@code Content-Type}: recorded base64-encoded ({@code "encoded":
     * "base64"}) and compared byte for byte, unless a {@link PactMatchers#contentType} rule judges it by its kind.
     */
    public T body(byte[] content, String contentType) {
        this.body = new Binary(content.clone());
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.hasBody = true;
        return self();
    }

    /**
     * A matching rule for a place in the body given by its Pact path, for bodies whose matchers cannot stand inside
     * them: XML ({@code $.order.line['@sku']}, {@code $.order.line['#text']}), or text ({@code $}). The matcher's
     * example is not used; the body's own value at that place is the example.
     *
     * <pre>{@code
     * PactResponse.status(200).body("<order id=\"o-1\"><line sku=\"A\">2</line></order>", "application/xml")
     *         .bodyRule("$.order['@id']", regex("^o-[0-9]+$", "o-1"))
     *         .bodyRule("$.order.line['#text']", integer(2))
     * }</pre>
     *
     * @throws IllegalArgumentException when the path does not start with {@code $} or the matcher is not a value
     *     matcher
     */
    public T bodyRule(String path, PactMatcher matcher) {
        PactPath.parse(Objects.requireNonNull(path, "path"));
        if (Objects.requireNonNull(matcher, "matcher").shape != PactMatcher.Shape.VALUE) {
            throw new IllegalArgumentException(
                    "bodyRule takes a value matcher (like, regex, integer, ...), not " + matcher);
        }
        bodyRules.put(path, matcher);
        return self();
    }
}
