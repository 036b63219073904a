package ai.openclaw.sdk.testing.pact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The request of an HTTP interaction, as the consumer sends it. Values may be {@link PactMatchers matchers}.
 *
 * <pre>{@code
 * PactRequest.get("/users/u-1").header("Accept", "application/json").query("expand", "true")
 * PactRequest.post("/subscriptions").body(Map.of("userId", like("u-1"), "plan", "trial"))
 * }</pre>
 */
public final class PactRequest extends PactMessagePart<PactRequest> {
    final String method;
    final Object path;
    final Map<String, List<Object>> query = new LinkedHashMap<>();
    final Map<String, Object> headers = new LinkedHashMap<>();

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

    @Override
    public String toString() {
        return method + " " + (path instanceof PactMatcher m ? String.valueOf(m.example) : path);
    }

    @Override
    PactRequest self() {
        return this;
    }
}
