package ai.openclaw.sdk.testing.pact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The response of an HTTP interaction: what the consumer relies on. The provider may add headers and (in objects) keys;
 * what is given here must be there and match.
 *
 * <pre>{@code
 * PactResponse.status(200).header("Content-Type", regex("application/json.*", "application/json"))
 *         .body(Map.of("id", like("u-1"), "email", regex(".+@.+", "ada@example.com")))
 * }</pre>
 */
public final class PactResponse {
    final int status;
    final Map<String, Object> headers = new LinkedHashMap<>();

    @Nullable
    Object body;

    boolean hasBody;

    private PactResponse(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100..599, was " + status);
        }
        this.status = status;
    }

    /** A response with this status. */
    public static PactResponse status(int status) {
        return new PactResponse(status);
    }

    /** A header the response must carry. */
    public PactResponse header(String name, Object value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A JSON body (with matchers); sent with {@code Content-Type: application/json} unless a header says otherwise. */
    public PactResponse body(@Nullable Object body) {
        this.body = body;
        this.hasBody = true;
        return this;
    }
}
