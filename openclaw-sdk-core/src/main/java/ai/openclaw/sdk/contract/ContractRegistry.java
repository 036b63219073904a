package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.internal.Names;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contracts of a system: JSON Schema event contracts by type and version, and OpenAPI HTTP contracts by providing
 * service. Loaded from a {@code contracts/} directory (layout in {@link ContractLoader}) or built in code. Immutable
 * and thread-safe; every schema is compiled when the registry is made.
 *
 * <pre>{@code
 * ContractRegistry contracts = ContractRegistry.load(Path.of("contracts"));
 * contracts.validateEvent("user.created", ContractVersion.parse("1.0"), payload); // violations, or empty
 * contracts.latestEventContract("user.created");                                 // Optional[1.1]
 * contracts.isAcceptable("user.created", ContractVersion.parse("1.1"), AcceptedVersions.parse("1.x")); // true
 * contracts.httpContract("user-service").orElseThrow()
 *          .validateResponse(HttpMethod.GET, "/users/42", 200, "application/json", body);
 * }</pre>
 */
public final class ContractRegistry {
    private final Map<String, NavigableMap<ContractVersion, EventContract>> events;
    private final Map<String, HttpContract> http;
    private final List<EventSample> samples;
    private final List<Finding> warnings;

    ContractRegistry(
            Map<String, NavigableMap<ContractVersion, EventContract>> events,
            Map<String, HttpContract> http,
            List<EventSample> samples,
            List<Finding> warnings) {
        Map<String, NavigableMap<ContractVersion, EventContract>> frozen = new TreeMap<>();
        events.forEach(
                (type, versions) -> frozen.put(type, Collections.unmodifiableNavigableMap(new TreeMap<>(versions))));
        this.events = Collections.unmodifiableMap(frozen);
        this.http = Collections.unmodifiableMap(new TreeMap<>(http));
        this.samples = List.copyOf(samples);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Loads the contracts under a directory with the default loader.
     *
     * @param contractsDirectory usually {@code contracts/}
     * @return the registry
     * @throws ContractException listing every error, each with its file and location
     */
    public static ContractRegistry load(Path contractsDirectory) {
        return ContractLoader.defaults().load(contractsDirectory);
    }

    /**
     * Loads the contracts under a directory on the class path, for a service shipped as one jar: {@code
     * ContractRegistry.loadFromClasspath("contracts")}. See {@link ContractLoader#loadFromClasspath}.
     *
     * @throws ContractException when there is no such directory, or listing every error with its location
     */
    public static ContractRegistry loadFromClasspath(String directory) {
        return ContractLoader.defaults().loadFromClasspath(directory);
    }

    /**
     * A registry of contracts built in code.
     *
     * @param eventContracts event contracts; a type and version may appear once
     * @param httpContracts HTTP contracts; a service may appear once
     * @return the registry
     */
    public static ContractRegistry of(List<EventContract> eventContracts, List<HttpContract> httpContracts) {
        Map<String, NavigableMap<ContractVersion, EventContract>> events = new TreeMap<>();
        for (EventContract c : eventContracts) {
            if (events.computeIfAbsent(c.eventType(), t -> new TreeMap<>()).put(c.version(), c) != null) {
                throw new IllegalArgumentException("two contracts for " + c.eventType() + " " + c.version());
            }
        }
        Map<String, HttpContract> http = new TreeMap<>();
        for (HttpContract c : httpContracts) {
            if (http.put(c.service(), c) != null) {
                throw new IllegalArgumentException("two HTTP contracts for " + c.service());
            }
        }
        return new ContractRegistry(events, http, List.of(), List.of());
    }

    /** The event types that have contracts, in order. */
    public Set<String> eventTypes() {
        return events.keySet();
    }

    /** The contracts of an event type, oldest version first; empty when it has none. */
    public List<EventContract> eventContracts(String eventType) {
        NavigableMap<ContractVersion, EventContract> versions = events.get(eventType);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    /** The contract of an event type at a version. */
    public Optional<EventContract> eventContract(String eventType, ContractVersion version) {
        NavigableMap<ContractVersion, EventContract> versions = events.get(eventType);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** The newest contract of an event type. */
    public Optional<EventContract> latestEventContract(String eventType) {
        NavigableMap<ContractVersion, EventContract> versions = events.get(eventType);
        return versions == null || versions.isEmpty()
                ? Optional.empty()
                : Optional.of(versions.lastEntry().getValue());
    }

    /**
     * The contract of an event type at a version.
     *
     * @throws ContractException naming the versions that exist, or the closest event type
     */
    public EventContract requireEventContract(String eventType, ContractVersion version) {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(version, "version");
        NavigableMap<ContractVersion, EventContract> versions = events.get(eventType);
        if (versions == null) {
            String suggestion = Names.closest(eventType, events.keySet());
            throw new ContractException("no contract for event type '" + eventType + "'"
                    + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
        }
        EventContract c = versions.get(version);
        if (c == null) {
            throw new ContractException("no contract for " + eventType + " " + version + " (versions: "
                    + String.join(
                            ", ",
                            versions.keySet().stream().map(Object::toString).toList()) + ")");
        }
        return c;
    }

    /**
     * Checks an event payload against its contract.
     *
     * @throws ContractException when there is no contract for the type and version
     */
    public List<ContractViolation> validateEvent(String eventType, ContractVersion version, JsonNode payload) {
        return requireEventContract(eventType, version).validate(payload);
    }

    /**
     * Whether a consumer that accepts {@code accepted} can take an event received at {@code version}: the version is
     * accepted and a contract for it exists.
     */
    public boolean isAcceptable(String eventType, ContractVersion version, AcceptedVersions accepted) {
        return accepted.accepts(version) && eventContract(eventType, version).isPresent();
    }

    /** The HTTP contract of a providing service. */
    public Optional<HttpContract> httpContract(String service) {
        return Optional.ofNullable(http.get(service));
    }

    /** The services with an HTTP contract, in order. */
    public Set<String> httpServices() {
        return http.keySet();
    }

    /** Recorded and sample payloads kept with the event contracts. */
    public List<EventSample> samples() {
        return samples;
    }

    /** The warnings found when the contracts were loaded. */
    public List<Finding> warnings() {
        return warnings;
    }

    /** Every event contract, by type then version. */
    public List<EventContract> allEventContracts() {
        List<EventContract> out = new ArrayList<>();
        events.values().forEach(v -> out.addAll(v.values()));
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "ContractRegistry{events=" + events.keySet() + ", http=" + http.keySet() + "}";
    }
}
