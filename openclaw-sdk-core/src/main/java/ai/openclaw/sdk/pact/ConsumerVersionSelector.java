package ai.openclaw.sdk.pact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which consumer versions' pacts a provider verifies, as the Pact Broker's consumer version selectors say: the main
 * branch's latest, what is deployed or released, a branch, a tag, the branch matching the provider's.
 *
 * <pre>{@code
 * List.of(ConsumerVersionSelector.mainBranch(), ConsumerVersionSelector.deployedOrReleased())
 * ConsumerVersionSelector.branch("feat/x").forConsumer("billing-service")
 * }</pre>
 *
 * @param fields the selector's JSON fields, as the broker documents them
 */
public record ConsumerVersionSelector(Map<String, Object> fields) {
    /** Copies the fields. */
    public ConsumerVersionSelector {
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    private static ConsumerVersionSelector of(String key, Object value) {
        return new ConsumerVersionSelector(Map.of(key, value));
    }

    /** The latest version on each consumer's main branch. */
    public static ConsumerVersionSelector mainBranch() {
        return of("mainBranch", true);
    }

    /** Every version currently deployed or released to an environment. */
    public static ConsumerVersionSelector deployedOrReleased() {
        return of("deployedOrReleased", true);
    }

    /** The versions deployed to one environment. */
    public static ConsumerVersionSelector deployedTo(String environment) {
        return new ConsumerVersionSelector(Map.of("deployed", true, "environment", environment));
    }

    /** The latest version on a branch. */
    public static ConsumerVersionSelector branch(String branch) {
        return of("branch", Objects.requireNonNull(branch, "branch"));
    }

    /** The latest version on the branch whose name the provider's verification branch has. */
    public static ConsumerVersionSelector matchingBranch() {
        return of("matchingBranch", true);
    }

    /** The latest version carrying a tag (the older alternative to branches). */
    public static ConsumerVersionSelector latestTag(String tag) {
        return new ConsumerVersionSelector(Map.of("tag", Objects.requireNonNull(tag, "tag"), "latest", true));
    }

    /** This selector for one consumer only. */
    public ConsumerVersionSelector forConsumer(String consumer) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put("consumer", Objects.requireNonNull(consumer, "consumer"));
        return new ConsumerVersionSelector(copy);
    }
}
