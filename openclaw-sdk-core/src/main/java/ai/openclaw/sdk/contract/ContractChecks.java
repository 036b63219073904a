package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.SourceLocation;
import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.internal.source.TreePath;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks contracts against the catalog: what the seed's {@code contracts validate} verifies before a service deploys.
 *
 * <pre>{@code
 * ContractChecks checks = ContractChecks.of(catalog, contracts);
 * Map<ContractChecks.Check, List<Finding>> report = checks.validateService("user-service");
 * checks.crossCheck().forEach(System.out::println); // the whole system
 * }</pre>
 *
 * <ul>
 *   <li>{@link Check#PRODUCER_COMPLIANCE}: every event the service publishes has a contract, and its recorded or sample
 *       payloads validate against the version they claim;
 *   <li>{@link Check#CONSUMER_COMPATIBILITY}: for every event it subscribes to, it accepts every version it can
 *       receive: each version of the newest major, against its {@code accepts} declaration (without one, a consumer is
 *       taken to accept the newest major; with several majors it must declare);
 *   <li>{@link Check#API_ADHERENCE}: its catalog endpoints and its OpenAPI operations are the same set;
 *   <li>{@link Check#BACKWARD_COMPATIBILITY}: the version histories of the events it publishes obey the {@link
 *       VersionRule}.
 * </ul>
 */
public final class ContractChecks {
    /** The four checks of {@code contracts validate}. */
    public enum Check {
        PRODUCER_COMPLIANCE,
        CONSUMER_COMPATIBILITY,
        API_ADHERENCE,
        BACKWARD_COMPATIBILITY
    }

    private final ServiceCatalog catalog;
    private final ContractRegistry contracts;
    private final VersionRule rule;

    private ContractChecks(ServiceCatalog catalog, ContractRegistry contracts, VersionRule rule) {
        this.catalog = catalog;
        this.contracts = contracts;
        this.rule = rule;
    }

    /** Checks with the default version rule (BACKWARD). */
    public static ContractChecks of(ServiceCatalog catalog, ContractRegistry contracts) {
        return of(catalog, contracts, VersionRule.defaults());
    }

    /** Checks with a version rule. */
    public static ContractChecks of(ServiceCatalog catalog, ContractRegistry contracts, VersionRule rule) {
        return new ContractChecks(
                Objects.requireNonNull(catalog, "catalog"),
                Objects.requireNonNull(contracts, "contracts"),
                Objects.requireNonNull(rule, "rule"));
    }

    /**
     * The four checks for one service.
     *
     * @throws ai.openclaw.sdk.catalog.UnknownServiceException when the catalog does not declare it
     */
    public Map<Check, List<Finding>> validateService(String service) {
        ServiceDefinition s = catalog.service(service);
        Map<Check, List<Finding>> out = new EnumMap<>(Check.class);
        out.put(Check.PRODUCER_COMPLIANCE, producerCompliance(s));
        out.put(Check.CONSUMER_COMPATIBILITY, consumerCompatibility(s));
        out.put(Check.API_ADHERENCE, apiAdherence(s));
        out.put(Check.BACKWARD_COMPATIBILITY, versionHistories(s));
        return out;
    }

    /**
     * The whole system: published events without contracts, endpoints and operations that do not match, contracts that
     * nothing in the catalog publishes or provides.
     */
    public List<Finding> crossCheck() {
        List<Finding> out = new ArrayList<>();
        Set<String> published = new TreeSet<>();
        for (ServiceDefinition s : catalog.services().values()) {
            published.addAll(s.publishes());
            for (String event : new TreeSet<>(s.publishes())) {
                if (contracts.eventContracts(event).isEmpty()) {
                    out.add(missingEventContract(s, event));
                }
            }
            out.addAll(apiAdherence(s));
        }
        for (String event : contracts.eventTypes()) {
            if (!published.contains(event)) {
                out.add(Finding.of(
                        Severity.WARNING,
                        "unpublished-contract",
                        contracts
                                .latestEventContract(event)
                                .flatMap(EventContract::location)
                                .orElse(null),
                        "",
                        "there is a contract for '" + event + "' but no service in the catalog publishes it"));
            }
        }
        for (String service : contracts.httpServices()) {
            if (catalog.find(service).isEmpty()) {
                out.add(Finding.of(
                        Severity.WARNING,
                        "unknown-service",
                        firstOperationLocation(service),
                        "",
                        "there is an HTTP contract for '" + service + "' but the catalog does not declare it"));
            }
        }
        return List.copyOf(out);
    }

    private List<Finding> producerCompliance(ServiceDefinition s) {
        List<Finding> out = new ArrayList<>();
        for (String event : new TreeSet<>(s.publishes())) {
            if (contracts.eventContracts(event).isEmpty()) {
                out.add(missingEventContract(s, event));
                continue;
            }
            for (EventSample sample : contracts.samples()) {
                if (!sample.eventType().equals(event)) {
                    continue;
                }
                var contract = contracts.eventContract(event, sample.version());
                if (contract.isEmpty()) {
                    out.add(Finding.of(
                            Severity.ERROR,
                            "sample-without-contract",
                            sample.location(),
                            "",
                            "a sample of " + event + " " + sample.version() + " has no contract of that version"));
                    continue;
                }
                for (ContractViolation v : contract.get().validate(sample.payload())) {
                    out.add(Finding.of(
                            Severity.ERROR,
                            "sample-violates-contract",
                            sample.location(),
                            v.pointer(),
                            "a " + event + " sample breaks its contract: " + v));
                }
            }
        }
        return List.copyOf(out);
    }

    private List<Finding> consumerCompatibility(ServiceDefinition s) {
        List<Finding> out = new ArrayList<>();
        for (String event : new TreeSet<>(s.subscribes())) {
            List<EventContract> versions = contracts.eventContracts(event);
            String path = TreePath.key(TreePath.key("services", s.name()), "communication");
            if (versions.isEmpty()) {
                out.add(Finding.of(
                        Severity.WARNING,
                        "missing-event-contract",
                        s.location().orElse(null),
                        path,
                        "'" + s.name() + "' subscribes to '" + event + "', which has no contract to check against"));
                continue;
            }
            int newestMajor = versions.get(versions.size() - 1).version().major();
            Set<Integer> majors =
                    versions.stream().map(c -> c.version().major()).collect(Collectors.toCollection(TreeSet::new));
            String declared = s.accepts().get(event);
            if (declared == null) {
                if (majors.size() > 1) {
                    out.add(Finding.of(
                            Severity.WARNING,
                            "undeclared-acceptance",
                            s.location().orElse(null),
                            path,
                            "'" + s.name() + "' does not declare which versions of '" + event + "' it accepts, and"
                                    + " majors " + majors + " exist; assuming " + newestMajor + ".x (declare"
                                    + " accepts: {" + event + ": \"...\"})"));
                }
                continue;
            }
            AcceptedVersions accepted = AcceptedVersions.parse(declared);
            for (EventContract c : versions) {
                if (c.version().major() == newestMajor && !accepted.accepts(c.version())) {
                    out.add(Finding.of(
                            Severity.ERROR,
                            "unaccepted-version",
                            s.location().orElse(null),
                            TreePath.key(path, "accepts"),
                            "'" + s.name() + "' accepts " + event + " " + accepted + " but can receive " + c.version()
                                    + " (its publishers' newest major is " + newestMajor + ")"));
                }
            }
        }
        return List.copyOf(out);
    }

    private List<Finding> apiAdherence(ServiceDefinition s) {
        List<Finding> out = new ArrayList<>();
        var http = contracts.httpContract(s.name());
        String base = TreePath.key("services", s.name());
        if (http.isEmpty()) {
            if (!s.endpoints().isEmpty()) {
                out.add(Finding.of(
                        Severity.ERROR,
                        "missing-http-contract",
                        s.location().orElse(null),
                        TreePath.key(base, "endpoints"),
                        "'" + s.name() + "' declares " + s.endpoints().size() + " endpoints but has no HTTP contract"
                                + " (contracts/http/" + s.name() + ".openapi.yaml)"));
            }
            return out;
        }
        Set<String> operations = new LinkedHashSet<>();
        http.get().operations().forEach(op -> operations.add(key(op.endpoint())));
        Set<String> endpoints = new LinkedHashSet<>();
        for (int i = 0; i < s.endpoints().size(); i++) {
            Endpoint e = s.endpoints().get(i);
            endpoints.add(key(e));
            if (!operations.contains(key(e))) {
                out.add(Finding.of(
                        Severity.ERROR,
                        "endpoint-not-in-contract",
                        s.location().orElse(null),
                        TreePath.index(TreePath.key(base, "endpoints"), i),
                        "'" + s.name() + "' declares " + e + " in the catalog but its OpenAPI document does not"));
            }
        }
        for (HttpOperation op : http.get().operations()) {
            if (!endpoints.contains(key(op.endpoint()))) {
                out.add(Finding.of(
                        Severity.ERROR,
                        "operation-not-in-catalog",
                        op.location().orElse(null),
                        op.pointer(),
                        "'" + s.name() + "' offers " + op
                                + " in its OpenAPI document but the catalog does not list it"));
            }
        }
        return List.copyOf(out);
    }

    private List<Finding> versionHistories(ServiceDefinition s) {
        List<Finding> out = new ArrayList<>();
        for (String event : new TreeSet<>(s.publishes())) {
            out.addAll(rule.check(contracts.eventContracts(event)));
        }
        return List.copyOf(out);
    }

    /** Endpoints compared with variable names ignored: {@code /users/{id}} and {@code /users/{userId}} are one. */
    private static String key(Endpoint e) {
        return e.method() + " " + e.pathTemplate().replaceAll("\\{[^}]*}", "{}");
    }

    private static Finding missingEventContract(ServiceDefinition s, String event) {
        return Finding.of(
                Severity.ERROR,
                "missing-event-contract",
                s.location().orElse(null),
                TreePath.key(TreePath.key("services", s.name()), "communication"),
                "'" + s.name() + "' publishes '" + event + "' but there is no contract for it (contracts/events/"
                        + event + "/1.0.schema.json)");
    }

    private @Nullable SourceLocation firstOperationLocation(String service) {
        return contracts
                .httpContract(service)
                .flatMap(c -> c.operations().stream().findFirst())
                .flatMap(HttpOperation::location)
                .orElse(null);
    }
}
