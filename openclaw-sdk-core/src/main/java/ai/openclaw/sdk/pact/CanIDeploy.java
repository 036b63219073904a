package ai.openclaw.sdk.pact;

import java.util.List;

/**
 * The Pact Broker's answer to "can this version be deployed there?": the verdict, the broker's reason and the
 * verification results behind it.
 *
 * <pre>{@code
 * CanIDeploy answer = broker.canIDeploy("billing-service", "1.4.2", "production");
 * if (!answer.deployable()) { System.err.println(answer.reason()); answer.results().forEach(System.err::println); }
 * }</pre>
 *
 * @param deployable whether every required verification passed
 * @param reason the broker's explanation
 * @param succeeded verification results that passed
 * @param failed verification results that failed
 * @param unknown pacts with no verification result
 * @param results one line per consumer/provider pair the answer rests on
 */
public record CanIDeploy(
        boolean deployable, String reason, int succeeded, int failed, int unknown, List<String> results) {
    /** Copies the results. */
    public CanIDeploy {
        results = List.copyOf(results);
    }
}
