package ai.openclaw.sdk.canary;

/**
 * A canary plan or analysis that cannot be made: an unknown service, metrics that cannot be read. The message names
 * what and where (a file and JSON pointer, a service name).
 *
 * <pre>{@code
 * try {
 *     CanaryAnalysis.analyze(CanaryMetricsSource.fromJson(file).observe("user-service"), criteria);
 * } catch (CanaryException e) {
 *     System.err.println(e.getMessage());   // canary.json: /canary/errors must be a number >= 0
 * }
 * }</pre>
 */
public class CanaryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with its message. */
    public CanaryException(String message) {
        super(message);
    }
}
