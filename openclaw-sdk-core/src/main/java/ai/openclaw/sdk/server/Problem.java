package ai.openclaw.sdk.server;

import java.util.Objects;

/**
 * An answer in RFC 9457 form ({@code application/problem+json}): throw it from a {@link Responder} for any answer
 * other than success. Its title is fixed for the kind of problem; its detail says what happened this time and is
 * written into the response, so it must not carry secrets.
 *
 * <pre>{@code
 * throw new Problem(404, "no such user", "no user " + id);
 * }</pre>
 */
public class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String detail;

    /**
     * A problem.
     *
     * @param status the HTTP status, 400 to 599
     * @param title a short summary, the same for every occurrence of this kind of problem
     * @param detail this occurrence's detail; may be empty
     * @throws IllegalArgumentException when the status is not an error status
     */
    public Problem(int status, String title, String detail) {
        super(title + (detail.isEmpty() ? "" : ": " + detail));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem's status is 400 to 599, not " + status);
        }
        this.status = status;
        this.title = Objects.requireNonNull(title, "title");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The summary. */
    public String title() {
        return title;
    }

    /** This occurrence's detail, or empty. */
    public String detail() {
        return detail;
    }
}
