package ai.openclaw.sdk.testing.pact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The request of an HTTP interaction, as the consumer sends it. Values may be {@link PactMatchers matchers}.
 *
 * <pre>{@code
 * PactRequest.get("/users/u-1").header("Accept", "application/json").query("expand", "true")
 * PactRequest.post("/subscriptions").body(Map.of("userId", like("u-1"), "plan", "trial"))
 * }</pre>
 */
public final class PactRequest {
    final String method;
    final Object path;
    final Map<String, List<Object>> query = new LinkedHashMap<>();
    final Map<String, Object> headers = new LinkedHashMap<>();

    @Nullable
    Object body;

    boolean hasBody;
    final Map<String, PactMatcher> bodyRules = new LinkedHashMap<>();
    String contentType = "application/json";

    private PactRequest(String method, Object path) {
        this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        this.path = Objects.requireNonNull(path, "path");
    }

    /** A request with a method and a path (a string, or a {@code regex} matcher). */
    public static PactRequest of(String method, Object path) {
        return new PactRequest(method, path);
    }

    /** {@code GET path}. */
    public static PactRequest get(Object path) {
        return of("GET", path);
    }

    /** {@code POST path}. */
    public static PactRequest post(Object path) {
        return of("POST", path);
    }

    /** {@code PUT path}. */
    public static PactRequest put(Object path) {
        return of("PUT", path);
    }

    /** {@code PATCH path}. */
    public static PactRequest patch(Object path) {
        return of("PATCH", path);
    }

    /** {@code DELETE path}. */
    public static PactRequest delete(Object path) {
        return of("DELETE", path);
    }

    /** A query parameter (repeat for several values). */
    public PactRequest query(String name, Object value) {
        query.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
                .add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A header the request carries (the provider may see others; these must be there). */
    public PactRequest header(String name, Object value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * A body that is not JSON (XML, plain text, CSV...), sent with this {@code Content-Type}; compared as XML when the
     * type says XML, as text otherwise.
     *
     * <pre>{@code
     * PactRequest.post("/orders").body("<order id=\"o-1\"/>", "application/xml")
     * }</pre>
     */
    public PactRequest body(String content, String contentType) {
        this.body = com.fasterxml.jackson.databind.node.TextNode.valueOf(Objects.requireNonNull(content, "content"));
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.hasBody = true;
        return this;
    }

    /**
     * A binary body (an image, a PDF...) with its {@code Content-Type}: recorded base64-encoded ({@code "encoded":
     * "base64"}) and compared byte for byte, unless a {@link PactMatchers#contentType} rule judges it by its kind.
     */
    public PactRequest body(byte[] content, String contentType) {
        this.body = new Binary(content.clone());
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.hasBody = true;
        return this;
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
    public PactRequest bodyRule(String path, PactMatcher matcher) {
        PactPath.parse(Objects.requireNonNull(path, "path"));
        if (Objects.requireNonNull(matcher, "matcher").shape != PactMatcher.Shape.VALUE) {
            throw new IllegalArgumentException(
                    "bodyRule takes a value matcher (like, regex, integer, ...), not " + matcher);
        }
        bodyRules.put(path, matcher);
        return this;
    }

    /** A JSON body (maps, lists, records, matchers). */
    public PactRequest body(@Nullable Object body) {
        this.body = body;
        this.hasBody = true;
        return this;
    }

    @Override
    public String toString() {
        return method + " " + (path instanceof PactMatcher m ? String.valueOf(m.example) : path);
    }
}
