package ai.openclaw.sdk.catalog;

import java.util.Locale;
import java.util.Optional;

/** The HTTP methods an endpoint in the catalog may declare. */
public enum HttpMethod {
    GET,
    HEAD,
    POST,
    PUT,
    PATCH,
    DELETE,
    OPTIONS,
    TRACE;

    /**
     * The method with this exact (upper-case) name.
     *
     * <pre>{@code
     * HttpMethod.parse("GET");  // Optional[GET]
     * HttpMethod.parse("GETT"); // Optional.empty
     * }</pre>
     *
     * @param name the method's name as written
     * @return the method, or empty when {@code name} is not one
     */
    public static Optional<HttpMethod> parse(String name) {
        for (HttpMethod m : values()) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Whether repeating the request has the same effect as sending it once (RFC 9110, section 9.2.2). */
    public boolean isIdempotent() {
        return this != POST && this != PATCH;
    }

    static Optional<HttpMethod> parseIgnoringCase(String name) {
        return parse(name.toUpperCase(Locale.ROOT));
    }
}
