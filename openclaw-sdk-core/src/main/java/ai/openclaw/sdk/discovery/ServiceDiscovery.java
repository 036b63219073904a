package ai.openclaw.sdk.discovery;

import ai.openclaw.sdk.canary.CanaryObservation;
import ai.openclaw.sdk.canary.TrackMetrics;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.internal.discovery.InstancePool;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a catalog service name to its instances and chooses one per call, steering around instances that fail.
 * Thread-safe; one per SDK instance, shared by every client.
 *
 * <pre>{@code
 * ServiceDiscovery discovery = ServiceDiscovery.builder()
 *         .catalog(catalog)                                  // services.<name>.instances
 *         .selection(SelectionStrategy.POWER_OF_TWO_CHOICES)
 *         .build();
 * try (SelectedInstance instance = discovery.select("user-service")) {
 *     URI url = instance.resolve("/users/42");
 *     // ... call it, then:
 *     instance.succeeded();
 * }
 * }</pre>
 *
 * <p><b>Where instances come from.</b> Sources are asked in order and the first that knows any instance answers:
 *
 * <ol>
 *   <li>the system property {@code openclaw.service.<name>.url} (comma-separated URLs);
 *   <li>the environment variable {@code OPENCLAW_SERVICE_<NAME>_URL}, the name upper-cased with non-alphanumerics as
 *       {@code _};
 *   <li>the sources added with {@link Builder#addSource}, in the order added;
 *   <li>the catalog's {@code instances} extension, when a catalog is given.
 * </ol>
 *
 * <p>A service no source knows gives a {@link NoInstanceException} that lists where discovery looked.
 *
 * <p><b>Canaries.</b> An instance listed as {@code http://10.0.0.9:8080#track=canary&version=1.5.0} is on the canary
 * track ({@link ServiceInstance}). With a {@link CanarySplit} set for the service ({@link #canary}), that share of calls
 * goes to canary instances and the rest to the others, sticky per caller key when asked ({@link #select(String,
 * String)}); the calls of each track are observed ({@link #observe}) for a canary analysis
 * ({@code ai.openclaw.sdk.canary.CanaryAnalysis}). docs/canary.md.
 *
 * <p><b>Ejection.</b> An instance whose calls fail {@link Builder#failuresToEject} times in a row is left out for
 * {@link Builder#ejectionDuration}; then it returns on probation: one more failure ejects it again, one success clears
 * it. When every instance of a service is ejected, discovery does not refuse: it spreads calls over all of them, as
 * Envoy's panic mode does, because refusing would turn a partial outage into a total one. Stopping calls to a failing
 * service is the circuit breaker's job (module {@code openclaw-sdk-resilience}).
 */
public final class ServiceDiscovery {
    /** Consecutive failures that eject an instance, by default. */
    public static final int DEFAULT_FAILURES_TO_EJECT = 3;

    /** How long an ejected instance is left out, by default. */
    public static final Duration DEFAULT_EJECTION_DURATION = Duration.ofSeconds(30);

    private final List<InstanceSource> sources;
    private final SelectionStrategy selection;
    private final int failuresToEject;
    private final Duration ejectionDuration;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, InstancePool> pools = new ConcurrentHashMap<>();
    private final Map<String, CanarySplit> splits = new ConcurrentHashMap<>();

    private ServiceDiscovery(Builder b) {
        List<InstanceSource> all = new ArrayList<>();
        all.add(InstanceSource.systemProperties(b.systemProperties));
        all.add(InstanceSource.environment(b.environment));
        all.addAll(b.sources);
        if (b.catalog != null) {
            all.add(InstanceSource.catalog(b.catalog));
        }
        this.sources = List.copyOf(all);
        this.selection = b.selection;
        this.failuresToEject = b.failuresToEject;
        this.ejectionDuration = b.ejectionDuration;
        this.clock = b.clock;
        this.random = b.random;
        this.splits.putAll(b.splits);
    }

    /** A builder: the process's system properties and environment, no catalog, round robin. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URLs of {@code serviceName}'s instances, from the first source that knows any (every track).
     *
     * @throws NoInstanceException when no source knows one, listing where discovery looked
     * @throws DiscoveryException when a source holds a value that is not an instance URL
     */
    public List<URI> instances(String serviceName) {
        List<ServiceInstance> found = serviceInstances(serviceName);
        List<URI> out = new ArrayList<>(found.size());
        for (ServiceInstance i : found) {
            out.add(i.baseUrl());
        }
        return out;
    }

    /**
     * The instances of {@code serviceName} with their track and version, from the first source that knows any.
     *
     * @throws NoInstanceException when no source knows one, listing where discovery looked
     * @throws DiscoveryException when a source holds a value that is not an instance URL
     */
    public List<ServiceInstance> serviceInstances(String serviceName) {
        Objects.requireNonNull(serviceName, "serviceName");
        for (InstanceSource source : sources) {
            List<ServiceInstance> found = source.serviceInstances(serviceName);
            if (!found.isEmpty()) {
                return found;
            }
        }
        List<String> looked = new ArrayList<>();
        for (InstanceSource source : sources) {
            looked.add(source.describe(serviceName));
        }
        throw new NoInstanceException(serviceName, looked);
    }

    /**
     * Chooses an instance of {@code serviceName} for one call. Close the result when the call ends.
     *
     * @throws NoInstanceException when no source knows one, listing where discovery looked
     * @throws DiscoveryException when a source holds a value that is not an instance URL
     */
    public SelectedInstance select(String serviceName) {
        return select(serviceName, null);
    }

    /**
     * Chooses an instance of {@code serviceName} for one call of a caller: with a sticky {@link CanarySplit}, one key
     * always gets one track. Close the result when the call ends.
     *
     * @param key the caller's key (a user or session id), or null
     * @throws NoInstanceException when no source knows one, listing where discovery looked
     * @throws DiscoveryException when a source holds a value that is not an instance URL
     */
    public SelectedInstance select(String serviceName, @Nullable String key) {
        List<ServiceInstance> current = serviceInstances(serviceName);
        InstancePool pool = pool(serviceName);
        pool.update(current);
        InstancePool.Among among = InstancePool.Among.ALL;
        CanarySplit split = splits.get(serviceName);
        if (split != null && pool.hasCanary()) {
            among = split.toCanary(key, random.nextDouble()) ? InstancePool.Among.CANARY : InstancePool.Among.BASELINE;
        }
        InstancePool.Node node = selection == SelectionStrategy.ROUND_ROBIN
                ? pool.roundRobin(among)
                : pool.powerOfTwoChoices(random, among);
        return new SelectedInstance(serviceName, node);
    }

    private InstancePool pool(String serviceName) {
        return pools.computeIfAbsent(serviceName, n -> new InstancePool(n, clock, failuresToEject, ejectionDuration));
    }

    /**
     * Sends {@code split}'s share of {@code serviceName}'s calls to its canary instances from now on, and starts
     * observing the canary and the baseline afresh ({@link #observe}). {@link CanarySplit#NONE} sends none; without a
     * split, canary instances take calls as any other.
     */
    public void canary(String serviceName, CanarySplit split) {
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(split, "split");
        splits.put(serviceName, split);
        pool(serviceName).resetRecorders();
    }

    /** The canary split of {@code serviceName}, when one was set. */
    public java.util.Optional<CanarySplit> canarySplit(String serviceName) {
        return java.util.Optional.ofNullable(splits.get(serviceName));
    }

    /**
     * The calls made through this discovery to {@code serviceName}'s canary and baseline instances since its split was
     * last set (or since the first call): counts, failures as callers reported them ({@link SelectedInstance#failed()})
     * and latencies from selection to close.
     */
    public CanaryObservation observe(String serviceName) {
        InstancePool pool = pools.get(serviceName);
        if (pool == null) {
            return new CanaryObservation(serviceName, TrackMetrics.NONE, TrackMetrics.NONE, Duration.ZERO);
        }
        InstancePool.Recorders r = pool.recorders();
        return new CanaryObservation(
                serviceName,
                r.baseline().snapshot(),
                r.canary().snapshot(),
                Duration.ofMillis(Math.max(0, clock.millis() - r.since())));
    }

    /**
     * The state of each instance of {@code serviceName} that has been selected from; empty before the first
     * selection.
     */
    public List<InstanceStatus> status(String serviceName) {
        InstancePool pool = pools.get(serviceName);
        return pool == null ? List.of() : pool.status();
    }

    /** The selection strategy. */
    public SelectionStrategy selection() {
        return selection;
    }

    /** Builds a {@link ServiceDiscovery}. Not thread-safe. */
    public static final class Builder {
        private Properties systemProperties = System.getProperties();
        private Map<String, String> environment = System.getenv();
        private final List<InstanceSource> sources = new ArrayList<>();
        private @Nullable ServiceCatalog catalog;
        private SelectionStrategy selection = SelectionStrategy.ROUND_ROBIN;
        private int failuresToEject = DEFAULT_FAILURES_TO_EJECT;
        private Duration ejectionDuration = DEFAULT_EJECTION_DURATION;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();
        private final Map<String, CanarySplit> splits = new java.util.HashMap<>();

        private Builder() {}

        /** A canary split from the start; {@link ServiceDiscovery#canary} changes it later. */
        public Builder canary(String serviceName, CanarySplit split) {
            splits.put(Objects.requireNonNull(serviceName, "serviceName"), Objects.requireNonNull(split, "split"));
            return this;
        }

        /** The catalog whose {@code instances} extension is the last source asked. */
        public Builder catalog(ServiceCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** Adds a source, asked after the system property and environment and before the catalog. */
        public Builder addSource(InstanceSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /** The system properties to read; default {@link System#getProperties()}. */
        public Builder systemProperties(Properties properties) {
            this.systemProperties = Objects.requireNonNull(properties, "properties");
            return this;
        }

        /** The environment to read; default {@link System#getenv()}. Copied when built. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** How to choose among instances; default {@link SelectionStrategy#ROUND_ROBIN}. */
        public Builder selection(SelectionStrategy selection) {
            this.selection = Objects.requireNonNull(selection, "selection");
            return this;
        }

        /** Consecutive failures that eject an instance, at least 1; default {@value #DEFAULT_FAILURES_TO_EJECT}. */
        public Builder failuresToEject(int failures) {
            if (failures < 1) {
                throw new IllegalArgumentException("failuresToEject must be >= 1, was " + failures);
            }
            this.failuresToEject = failures;
            return this;
        }

        /** How long an ejected instance is left out, from 1 ms to 1 hour; default 30 s. */
        public Builder ejectionDuration(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.toMillis() < 1 || duration.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("ejectionDuration must be from 1 ms to 1 hour, was " + duration);
            }
            this.ejectionDuration = duration;
            return this;
        }

        /** The clock that times ejections; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The random numbers of {@link SelectionStrategy#POWER_OF_TWO_CHOICES}. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Builds the discovery. */
        public ServiceDiscovery build() {
            return new ServiceDiscovery(this);
        }
    }
}
