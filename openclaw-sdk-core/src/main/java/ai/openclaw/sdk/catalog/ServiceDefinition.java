package ai.openclaw.sdk.catalog;

import ai.openclaw.sdk.SourceLocation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One service of the catalog, as {@code services.<name>} declares it. Immutable.
 *
 * <p>The seed's keys are {@code repo}, {@code owner} (required), {@code description}, {@code endpoints}, {@code
 * dependencies} and {@code communication}. The SDK's documented extensions are {@code instances} (base URLs for
 * discovery), {@code lifecycle}, {@code tier} and {@code resilience} (the name of a resilience policy).
 *
 * <pre>{@code
 * ServiceDefinition billing = ServiceDefinition.builder("billing-service")
 *         .owner("team-payments")
 *         .endpoint(Endpoint.parse("POST /subscriptions"))
 *         .subscribes("user.created", "user.deleted")
 *         .build();
 * }</pre>
 */
public final class ServiceDefinition {
    private final String name;
    private final @Nullable String repo;
    private final String owner;
    private final @Nullable String description;
    private final List<Endpoint> endpoints;
    private final List<String> dependencies;
    private final List<Communication> communication;
    private final List<URI> instances;
    private final @Nullable Lifecycle lifecycle;
    private final @Nullable Integer tier;
    private final @Nullable String resiliencePolicy;
    private final @Nullable SourceLocation location;
    private final Set<String> publishes;
    private final Set<String> subscribes;
    private final Map<String, String> accepts;

    private ServiceDefinition(Builder b) {
        this.name = b.name;
        this.repo = b.repo;
        this.owner = Objects.requireNonNull(b.owner, () -> "service '" + b.name + "' needs an owner");
        this.description = b.description;
        this.endpoints = List.copyOf(b.endpoints);
        this.dependencies = List.copyOf(b.dependencies);
        this.communication = List.copyOf(b.communication);
        this.instances = List.copyOf(b.instances);
        this.lifecycle = b.lifecycle;
        this.tier = b.tier;
        this.resiliencePolicy = b.resiliencePolicy;
        this.location = b.location;
        Set<String> pub = new LinkedHashSet<>();
        Set<String> sub = new LinkedHashSet<>();
        Map<String, String> acc = new java.util.TreeMap<>();
        for (Communication c : communication) {
            if (c instanceof EventCommunication events) {
                pub.addAll(events.publishes());
                sub.addAll(events.subscribes());
                acc.putAll(events.accepts());
            }
        }
        this.accepts = Map.copyOf(acc);
        this.publishes = Set.copyOf(pub);
        this.subscribes = Set.copyOf(sub);
    }

    /**
     * Starts a definition of the service {@code name}.
     *
     * @param name the service's catalog name, for example {@code user-service}
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this definition's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.repo = repo;
        b.owner = owner;
        b.description = description;
        b.endpoints.addAll(endpoints);
        b.dependencies.addAll(dependencies);
        b.communication.addAll(communication);
        b.instances.addAll(instances);
        b.lifecycle = lifecycle;
        b.tier = tier;
        b.resiliencePolicy = resiliencePolicy;
        b.location = location;
        return b;
    }

    /** The service's catalog name. */
    public String name() {
        return name;
    }

    /** The repository holding the service's code ({@code my-org/user-service}). */
    public Optional<String> repo() {
        return Optional.ofNullable(repo);
    }

    /** The team that owns the service. */
    public String owner() {
        return owner;
    }

    /** What the service does. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The HTTP endpoints the service offers, in declared order. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The services named under {@code dependencies}, in declared order. */
    public List<String> dependencies() {
        return dependencies;
    }

    /** The {@code communication} entries, in declared order. */
    public List<Communication> communication() {
        return communication;
    }

    /** The services this one calls over HTTP ({@code type: http} targets), in declared order. */
    public List<String> httpTargets() {
        List<String> targets = new ArrayList<>();
        for (Communication c : communication) {
            if (c instanceof HttpCommunication http && !targets.contains(http.target())) {
                targets.add(http.target());
            }
        }
        return List.copyOf(targets);
    }

    /** Every event type the service publishes, across its {@code type: events} entries. */
    public Set<String> publishes() {
        return publishes;
    }

    /** Every event type the service subscribes to, across its {@code type: events} entries. */
    public Set<String> subscribes() {
        return subscribes;
    }

    /**
     * Extension {@code accepts}: the contract versions this service accepts, by subscribed event type, as declared
     * ({@code "1.x"}); event types it declares nothing for are absent.
     */
    public Map<String, String> accepts() {
        return accepts;
    }

    /** Extension {@code instances}: base URLs where the service runs, for discovery. */
    public List<URI> instances() {
        return instances;
    }

    /** Extension {@code lifecycle}. */
    public Optional<Lifecycle> lifecycle() {
        return Optional.ofNullable(lifecycle);
    }

    /** Extension {@code tier}: how critical the service is, 1 being the most critical. */
    public Optional<Integer> tier() {
        return Optional.ofNullable(tier);
    }

    /** Extension {@code resilience}: the name of the resilience policy for calls to this service. */
    public Optional<String> resiliencePolicy() {
        return Optional.ofNullable(resiliencePolicy);
    }

    /** Where the service is declared (its key in the catalog file), when it was loaded from one. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ServiceDefinition other)) {
            return false;
        }
        return name.equals(other.name)
                && Objects.equals(repo, other.repo)
                && owner.equals(other.owner)
                && Objects.equals(description, other.description)
                && endpoints.equals(other.endpoints)
                && dependencies.equals(other.dependencies)
                && communication.equals(other.communication)
                && instances.equals(other.instances)
                && lifecycle == other.lifecycle
                && Objects.equals(tier, other.tier)
                && Objects.equals(resiliencePolicy, other.resiliencePolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, owner, endpoints, dependencies, communication);
    }

    @Override
    public String toString() {
        return "ServiceDefinition{" + name + ", owner=" + owner + "}";
    }

    /** Builds a {@link ServiceDefinition}; {@link #owner} is required. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private @Nullable String repo;
        private @Nullable String owner;
        private @Nullable String description;
        private final List<Endpoint> endpoints = new ArrayList<>();
        private final List<String> dependencies = new ArrayList<>();
        private final List<Communication> communication = new ArrayList<>();
        private final List<URI> instances = new ArrayList<>();
        private @Nullable Lifecycle lifecycle;
        private @Nullable Integer tier;
        private @Nullable String resiliencePolicy;
        private @Nullable SourceLocation location;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
        }

        /** The repository, {@code my-org/user-service}. */
        public Builder repo(@Nullable String repo) {
            this.repo = repo;
            return this;
        }

        /** The owning team; required. */
        public Builder owner(String owner) {
            Objects.requireNonNull(owner, "owner");
            if (owner.isBlank()) {
                throw new IllegalArgumentException("owner must not be blank");
            }
            this.owner = owner;
            return this;
        }

        /** What the service does. */
        public Builder description(@Nullable String description) {
            this.description = description;
            return this;
        }

        /** Adds an endpoint. */
        public Builder endpoint(Endpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /** Adds endpoints in the catalog's form, {@code "GET /users/:id"}. */
        public Builder endpoints(String... declarations) {
            for (String d : declarations) {
                endpoint(Endpoint.parse(d));
            }
            return this;
        }

        /** Adds entries to {@code dependencies}. */
        public Builder dependsOn(String... services) {
            for (String s : services) {
                dependencies.add(Objects.requireNonNull(s, "service"));
            }
            return this;
        }

        /** Adds a {@code communication} entry. */
        public Builder communication(Communication entry) {
            communication.add(Objects.requireNonNull(entry, "entry"));
            return this;
        }

        /** Adds a {@code type: http} entry calling {@code target}. */
        public Builder calls(String target) {
            return communication(HttpCommunication.to(target, null));
        }

        /** Adds a {@code type: events} entry publishing these event types. */
        public Builder publishes(String... eventTypes) {
            return communication(new EventCommunication(List.of(eventTypes), List.of()));
        }

        /** Adds a {@code type: events} entry subscribing to these event types. */
        public Builder subscribes(String... eventTypes) {
            return communication(new EventCommunication(List.of(), List.of(eventTypes)));
        }

        /** Adds a base URL where the service runs. */
        public Builder instance(URI baseUrl) {
            instances.add(Objects.requireNonNull(baseUrl, "baseUrl"));
            return this;
        }

        /** Sets the lifecycle. */
        public Builder lifecycle(@Nullable Lifecycle lifecycle) {
            this.lifecycle = lifecycle;
            return this;
        }

        /** Sets the tier, 1 being the most critical. */
        public Builder tier(@Nullable Integer tier) {
            if (tier != null && tier < 1) {
                throw new IllegalArgumentException("tier must be >= 1, was " + tier);
            }
            this.tier = tier;
            return this;
        }

        /** Names the resilience policy for calls to this service. */
        public Builder resiliencePolicy(@Nullable String policy) {
            this.resiliencePolicy = policy;
            return this;
        }

        /** Where the service is declared. */
        public Builder location(@Nullable SourceLocation location) {
            this.location = location;
            return this;
        }

        /**
         * Builds the definition.
         *
         * @throws NullPointerException when no owner was set
         */
        public ServiceDefinition build() {
            return new ServiceDefinition(this);
        }
    }
}
