package ai.openclaw.sdk.testing.pact;

/**
 * One way a request, response or message differs from what a pact expects.
 *
 * @param where what differs: {@code body $.user.email}, {@code header Content-Type}, {@code status}, {@code query limit}
 * @param expected what the pact expects (the example, or the rule)
 * @param actual what came
 * @param message the rule broken, in words
 */
public record PactMismatch(String where, String expected, String actual, String message) {
    @Override
    public String toString() {
        return where + ": " + message + " (expected " + expected + ", got " + actual + ")";
    }
}
