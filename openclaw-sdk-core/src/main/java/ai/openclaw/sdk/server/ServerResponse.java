package ai.openclaw.sdk.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Responder}'s answer: a status, headers, and a body that {@link ServerKit} writes as JSON (any object its
 * mapper writes), or as it is ({@code byte[]}, with the content type the headers give).
 *
 * <pre>{@code
 * return ServerResponse.created(user).withHeader("Location", "/users/" + user.id());
 * }</pre>
 *
 * @param status the HTTP status
 * @param headers headers to send (a {@code Content-Type} here wins over the default)
 * @param body the body, or {@code null} for none
 */
public record ServerResponse(
        int status, Map<String, String> headers, @Nullable Object body) {
    /** Validates and copies. */
    public ServerResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100 to 599, not " + status);
        }
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    /** 200 with a JSON body. */
    public static ServerResponse ok(Object body) {
        return new ServerResponse(200, Map.of(), Objects.requireNonNull(body, "body"));
    }

    /** 201 with a JSON body. */
    public static ServerResponse created(Object body) {
        return new ServerResponse(201, Map.of(), Objects.requireNonNull(body, "body"));
    }

    /** 202 with no body. */
    public static ServerResponse accepted() {
        return new ServerResponse(202, Map.of(), null);
    }

    /** 204, no body. */
    public static ServerResponse noContent() {
        return new ServerResponse(204, Map.of(), null);
    }

    /** Any status, with a body or {@code null}. */
    public static ServerResponse of(int status, @Nullable Object body) {
        return new ServerResponse(status, Map.of(), body);
    }

    /** This response with one more header (replacing one of the same name). */
    public ServerResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                all.put(k, v);
            }
        });
        all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new ServerResponse(status, all, body);
    }
}
