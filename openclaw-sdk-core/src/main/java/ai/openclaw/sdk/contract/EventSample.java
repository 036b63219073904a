package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.SourceLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A recorded or sample payload of an event, kept beside its contracts ({@code
 * contracts/events/<type>/samples/<version>/*.json}) or given as the schema's {@code examples}; {@code contracts
 * validate} checks that each still validates (producer compliance).
 *
 * @param eventType the event type
 * @param version the contract version the sample claims
 * @param payload the payload
 * @param location where the sample is
 */
public record EventSample(String eventType, ContractVersion version, JsonNode payload, SourceLocation location) {
    /** Validates the components. */
    public EventSample {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(location, "location");
    }
}
