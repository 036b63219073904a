package ai.openclaw.sdk.pact;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A pact the broker gave a provider to verify: the document, where it came from, whether it is pending (its failure
 * does not fail the provider's build) or work in progress, and where to publish the verification result.
 *
 * @param url the pact's URL at the broker
 * @param consumer the consumer's name
 * @param provider the provider's name
 * @param pending whether the broker marked it pending
 * @param wip whether it is a work-in-progress pact
 * @param notices the broker's notices about it, to show the user
 * @param document the pact document
 * @param resultsUrl where its verification result goes ({@code pb:publish-verification-results}), if the broker gave one
 */
public record BrokerPact(
        URI url,
        String consumer,
        String provider,
        boolean pending,
        boolean wip,
        List<String> notices,
        JsonNode document,
        Optional<URI> resultsUrl) {
    /** Copies the notices. */
    public BrokerPact {
        notices = List.copyOf(notices);
    }
}
