package ai.openclaw.sdk.client;

import ai.openclaw.sdk.policy.ClassifiedFailure;
import ai.openclaw.sdk.policy.FailureKind;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The service answered with a 4xx or 5xx status. Carries the status, an excerpt of the body (capped, so a huge error
 * page never fills memory or logs), the request id the service returned, and the RFC 9457 problem when the body is
 * {@code application/problem+json}.
 */
public class HttpStatusException extends ClientException implements ClassifiedFailure {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String bodyExcerpt;
    private final @Nullable String requestId;
    private final transient @Nullable ProblemDetails problem;
    private final java.time.@Nullable Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param service the called service
     * @param operation the operation
     * @param status the status
     * @param bodyExcerpt the start of the body
     * @param requestId the response's request id header, if any
     * @param problem the parsed problem document, if any
     * @param retryAfter the {@code Retry-After} the service asked for (seconds form), if any
     */
    public HttpStatusException(
            String service,
            String operation,
            int status,
            String bodyExcerpt,
            @Nullable String requestId,
            @Nullable ProblemDetails problem,
            java.time.@Nullable Duration retryAfter) {
        super(
                service,
                operation,
                service + " answered " + operation + " with " + status
                        + (problem != null && problem.title().isPresent()
                                ? " (" + problem.title().get() + ")"
                                : "")
                        + (requestId == null ? "" : ", request id " + requestId),
                null);
        this.status = status;
        this.bodyExcerpt = bodyExcerpt;
        this.requestId = requestId;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /**
     * 5xx: {@link FailureKind#TRANSIENT} (the service is unwell); 429: {@link FailureKind#THROTTLED} (it asks to slow
     * down); any other: {@link FailureKind#PERMANENT} (the request is wrong). A policy's retry statuses decide what is
     * retried.
     */
    @Override
    public FailureKind failureKind() {
        return status >= 500 ? FailureKind.TRANSIENT : status == 429 ? FailureKind.THROTTLED : FailureKind.PERMANENT;
    }

    /** How long the service asked callers to wait before retrying ({@code Retry-After}), if it did. */
    @Override
    public Optional<java.time.Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The start of the response body. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** The request id the service returned ({@code X-Request-Id}), if any. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The RFC 9457 problem, when the body was {@code application/problem+json}. */
    public Optional<ProblemDetails> problem() {
        return Optional.ofNullable(problem);
    }
}
