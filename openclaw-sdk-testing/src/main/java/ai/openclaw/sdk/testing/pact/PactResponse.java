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
public final class PactResponse extends PactMessagePart<PactResponse> {
    final int status;
    final Map<String, Object> headers = new LinkedHashMap<>();

    /** A V4 {@code statusCode} matcher; null to match the status exactly. */
    com.fasterxml.jackson.databind.node.@Nullable ObjectNode statusRule;

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

    /** The class of status a {@link #status(StatusClass, int)} response may have. */
    public enum StatusClass {
        /** 100-199. */
        INFO("info"),
        /** 200-299. */
        SUCCESS("success"),
        /** 300-399. */
        REDIRECT("redirect"),
        /** 400-499. */
        CLIENT_ERROR("clientError"),
        /** 500-599. */
        SERVER_ERROR("serverError"),
        /** 100-399. */
        NON_ERROR("nonError"),
        /** 400-599. */
        ERROR("error");

        final String wire;

        StatusClass(String wire) {
            this.wire = wire;
        }

        boolean admits(int status) {
            return switch (this) {
                case INFO -> status >= 100 && status < 200;
                case SUCCESS -> status >= 200 && status < 300;
                case REDIRECT -> status >= 300 && status < 400;
                case CLIENT_ERROR -> status >= 400 && status < 500;
                case SERVER_ERROR -> status >= 500 && status < 600;
                case NON_ERROR -> status >= 100 && status < 400;
                case ERROR -> status >= 400 && status < 600;
            };
        }
    }

    /**
     * A response whose status may be any of a class ({@code statusCode} matcher, V4); the mock answers {@code
     * example}.
     *
     * <pre>{@code
     * PactResponse.status(StatusClass.SUCCESS, 201)
     * }</pre>
     *
     * @throws IllegalArgumentException when the example is not of the class
     */
    public static PactResponse status(StatusClass kind, int example) {
        if (!kind.admits(example)) {
            throw new IllegalArgumentException("the example status " + example + " is not " + kind);
        }
        PactResponse r = new PactResponse(example);
        r.statusRule = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("match", "statusCode")
                .put("status", kind.wire);
        return r;
    }

    /**
     * A response whose status may be any of {@code statuses} ({@code statusCode} matcher, V4); the mock answers the
     * first.
     */
    public static PactResponse statusIn(int... statuses) {
        if (statuses.length == 0) {
            throw new IllegalArgumentException("statusIn needs at least one status");
        }
        PactResponse r = new PactResponse(statuses[0]);
        var rule = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("match", "statusCode");
        var list = rule.putArray("status");
        for (int s : statuses) {
            new PactResponse(s); // checks the range
            list.add(s);
        }
        r.statusRule = rule;
        return r;
    }

    /** A header the response must carry. */
    public PactResponse header(String name, Object value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    @Override
    PactResponse self() {
        return this;
    }
}
