package ai.openclaw.sdk.resilience;

import ai.openclaw.sdk.catalog.HttpCommunication;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.policy.CallContext;
import ai.openclaw.sdk.policy.CallPolicies;
import ai.openclaw.sdk.policy.CallPolicy;
import ai.openclaw.sdk.policy.CallPolicyException;
import ai.openclaw.sdk.policy.ClassifiedFailure;
import ai.openclaw.sdk.resilience.internal.PolicyProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resilience of calls to each target service, over Resilience4j: the {@link CallPolicies} that service clients
 * (and event publishers and handlers) call through. Thread-safe; one per SDK instance.
 *
 * <pre>{@code
 * ResiliencePolicies policies = ResiliencePolicies.builder()
 *         .defaults(ResiliencePolicy.defaults())
 *         .named("payments-critical", ResiliencePolicy.builder().maxAttempts(5).timeLimit(Duration.ofSeconds(2)).build())
 *         .catalog(catalog)                                 // services.<name>.resilience: payments-critical
 *         .target("notification-service", ResiliencePolicy.builder().maxAttempts(1).build())
 *         .onCircuitTransition(t -> log.warn("{} circuit {} -> {}", t.target(), t.from(), t.to()))
 *         .build();
 * ServiceClients clients = ServiceClients.builder(discovery).policies(policies).build();
 * }</pre>
 *
 * <p>Which policy a target gets: the one set with {@link Builder#target}, else the one configuration properties name
 * for it ({@link Builder#properties}), else the named policy the catalog gives it ({@code resilience:} on the service,
 * or on the {@code type: http} entry that calls it), else the defaults.
 *
 * <p>Order of composition, outermost first: <b>Retry ( CircuitBreaker ( RateLimiter ( TimeLimiter ( Bulkhead ( call ))))</b>
 * (Resilience4j's recommended order). Each retry passes the circuit breaker, so an open circuit stops retries at once;
 * the time limit applies to each attempt; the bulkhead counts calls in progress, not calls waiting to retry.
 *
 * <p>Retries: only calls that may be repeated (an idempotent method, an {@code Idempotency-Key}, a publish); on
 * failures the policy judges retryable ({@link ResiliencePolicy#retries}: by default connection failures, time limits,
 * the policy's statuses 429, 502, 503, 504, an event not stored), after exponential backoff with jitter, or the
 * {@code Retry-After} the target gave. The circuit counts what {@link ResiliencePolicy#recordsAsFailure} says (by
 * default {@link ai.openclaw.sdk.policy.FailureKind#TRANSIENT} failures: unreachable, timed out, 5xx); 4xx answers are
 * the caller's doing and count as successes. Both are predicates a policy can replace. A refusal (open circuit, full
 * bulkhead, rate limit) or a time limit is a {@link CallPolicyException} naming why, which a client turns into a
 * {@code ServiceUnavailableException} and a publisher into a {@code PublishException}.
 */
public final class ResiliencePolicies implements CallPolicies, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResiliencePolicies.class);
    /** The prefix of the properties {@link Builder#properties} reads. */
    public static final String PROPERTY_PREFIX = "openclaw.resilience.";
    /** The name under which properties (and the catalog) refer to the defaults. */
    public static final String DEFAULT_NAME = "default";

    private static final AttributeKey<String> TARGET = AttributeKey.stringKey("openclaw.target");
    private static final AttributeKey<String> STATE = AttributeKey.stringKey("openclaw.circuit.state");
    private static final AttributeKey<String> FROM = AttributeKey.stringKey("openclaw.circuit.from");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("openclaw.rejection.reason");

    /**
     * A circuit breaker changed state.
     *
     * @param target the target whose circuit it is
     * @param from the state it left
     * @param to the state it entered
     */
    public record CircuitTransition(String target, CircuitState from, CircuitState to) {}

    private final ResiliencePolicy defaults;
    private final Map<String, ResiliencePolicy> byTarget;
    private final List<Consumer<CircuitTransition>> listeners;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();
    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    private final LongCounter transitions;
    private final LongCounter retries;
    private final LongCounter rejections;
    private final ObservableLongGauge states;
    // a time-limited attempt runs on one of these threads, in the caller's OpenTelemetry context (so its spans are
    // children of the caller's, and its trace goes out in traceparent)
    private final ExecutorService timeLimited =
            io.opentelemetry.context.Context.taskWrapping(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "openclaw-resilience-time-limited");
                t.setDaemon(true);
                return t;
            }));

    private ResiliencePolicies(Builder b) {
        ResiliencePolicy base = b.defaults;
        Map<String, ResiliencePolicy> named = new HashMap<>(b.named);
        Map<String, String> configuredTargets = Map.of();
        if (!b.properties.isEmpty()) {
            Set<String> known = new HashSet<>(named.keySet());
            known.add(DEFAULT_NAME);
            PolicyProperties.Read read = PolicyProperties.read(b.properties, PROPERTY_PREFIX, b.defaults, known);
            named.putAll(read.policies());
            base = named.getOrDefault(DEFAULT_NAME, base);
            configuredTargets = read.targets();
        }
        named.putIfAbsent(DEFAULT_NAME, base);
        this.defaults = base;
        Map<String, ResiliencePolicy> targets = new HashMap<>();
        if (b.catalog != null) {
            for (ServiceDefinition s : b.catalog.services().values()) {
                s.resiliencePolicy()
                        .ifPresent(name -> targets.put(s.name(), named(named, name, "services." + s.name())));
                for (var c : s.communication()) {
                    if (c instanceof HttpCommunication http
                            && http.resiliencePolicy().isPresent()) {
                        targets.put(
                                http.target(),
                                named(
                                        named,
                                        http.resiliencePolicy().get(),
                                        "services." + s.name() + " -> " + http.target()));
                    }
                }
            }
        }
        configuredTargets.forEach((target, name) -> targets.put(target, named.get(name)));
        targets.putAll(b.targets);
        this.byTarget = Map.copyOf(targets);
        this.listeners = List.copyOf(b.listeners);
        Meter meter = b.openTelemetry.getMeter("ai.openclaw.sdk.resilience");
        this.transitions = meter.counterBuilder("openclaw.resilience.circuit.transitions")
                .setDescription("Circuit breaker state changes")
                .setUnit("{transition}")
                .build();
        this.retries = meter.counterBuilder("openclaw.resilience.retries")
                .setDescription("Attempts repeated after a failure")
                .setUnit("{retry}")
                .build();
        this.rejections = meter.counterBuilder("openclaw.resilience.rejections")
                .setDescription("Calls refused by a policy before or instead of running")
                .setUnit("{call}")
                .build();
        this.states = meter.gaugeBuilder("openclaw.resilience.circuit.state")
                .setDescription("1 for the state each target's circuit breaker is in")
                .setUnit("1")
                .ofLongs()
                .buildWithCallback(m -> guards.values().forEach(g -> {
                    if (g.circuit != null) {
                        m.record(
                                1,
                                Attributes.of(
                                        TARGET,
                                        g.target,
                                        STATE,
                                        CircuitState.of(g.circuit.getState()).label()));
                    }
                }));
    }

    /**
     * Resilience4j's registry of the circuit breakers created so far, one per target named after it, for tools that
     * read one: resilience4j-micrometer's {@code TaggedCircuitBreakerMetrics}, an Actuator endpoint. A target's breaker
     * is added on its first call; listen to the registry's entry events to see it arrive.
     *
     * <pre>{@code
     * TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(policies.circuitBreakerRegistry()).bindTo(meterRegistry);
     * }</pre>
     */
    public CircuitBreakerRegistry circuitBreakerRegistry() {
        return circuitBreakers;
    }

    /** The state of every circuit breaker created so far, by target: for health and readiness output. */
    public Map<String, CircuitState> circuitStates() {
        Map<String, CircuitState> all = new TreeMap<>();
        guards.values().forEach(g -> {
            if (g.circuit != null) {
                all.put(g.target, CircuitState.of(g.circuit.getState()));
            }
        });
        return Collections.unmodifiableMap(all);
    }

    private static ResiliencePolicy named(Map<String, ResiliencePolicy> named, String name, String where) {
        ResiliencePolicy p = named.get(name);
        if (p == null) {
            throw new IllegalArgumentException("the catalog names resilience policy '" + name + "' (" + where
                    + ") but no policy of that name was given (known: " + new TreeSet<>(named.keySet()) + ")");
        }
        return p;
    }

    /** The default policy for every target. */
    public static ResiliencePolicies defaults() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The policy a target gets. */
    public ResiliencePolicy policyOf(String target) {
        return byTarget.getOrDefault(target, defaults);
    }

    /** The state of a target's circuit breaker; empty before its first call or without one. */
    public Optional<CircuitState> circuitState(String target) {
        Guard g = guards.get(target);
        return g == null || g.circuit == null ? Optional.empty() : Optional.of(CircuitState.of(g.circuit.getState()));
    }

    @Override
    public CallPolicy forTarget(String target) {
        Guard guard = guards.computeIfAbsent(target, t -> new Guard(t, policyOf(t)));
        return guard::execute;
    }

    /** The Resilience4j parts of one target. */
    private final class Guard {
        final String target;
        final ResiliencePolicy policy;
        final @Nullable CircuitBreaker circuit;
        final Bulkhead bulkhead;
        final @Nullable RateLimiter rateLimiter;
        final @Nullable TimeLimiter timeLimiter;
        // built once: Resilience4j keeps per-call state in a context each decorated call creates
        final @Nullable Retry retry;

        Guard(String target, ResiliencePolicy policy) {
            this.target = target;
            this.policy = policy;
            if (policy.circuitBreaker()) {
                circuit = circuitBreakers.circuitBreaker(
                        target,
                        CircuitBreakerConfig.custom()
                                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                                .slidingWindowSize(policy.window())
                                .minimumNumberOfCalls(policy.minimumCalls())
                                .failureRateThreshold(policy.failureRate())
                                .slowCallDurationThreshold(policy.slowCall())
                                .slowCallRateThreshold(policy.slowCallRate())
                                .waitDurationInOpenState(policy.openDuration())
                                .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
                                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                                .recordException(policy::recordsAsFailure)
                                .build());
                circuit.getEventPublisher().onStateTransition(e -> {
                    CircuitTransition t = new CircuitTransition(
                            target,
                            CircuitState.of(e.getStateTransition().getFromState()),
                            CircuitState.of(e.getStateTransition().getToState()));
                    LOG.warn("circuit breaker of {}: {} -> {}", target, t.from(), t.to());
                    transitions.add(
                            1, Attributes.of(TARGET, target, FROM, t.from().label(), STATE, t.to().label()));
                    for (Consumer<CircuitTransition> l : listeners) {
                        l.accept(t);
                    }
                });
            } else {
                circuit = null;
            }
            bulkhead = Bulkhead.of(
                    target,
                    BulkheadConfig.custom()
                            .maxConcurrentCalls(policy.maxConcurrentCalls())
                            .maxWaitDuration(Duration.ZERO)
                            .build());
            rateLimiter = policy.rateLimit() > 0
                    ? RateLimiter.of(
                            target,
                            RateLimiterConfig.custom()
                                    .limitForPeriod(policy.rateLimit())
                                    .limitRefreshPeriod(policy.ratePeriod())
                                    .timeoutDuration(Duration.ZERO)
                                    .build())
                    : null;
            timeLimiter = policy.timeLimit()
                    .map(limit -> TimeLimiter.of(
                            target,
                            TimeLimiterConfig.custom()
                                    .timeoutDuration(limit)
                                    .cancelRunningFuture(true)
                                    .build()))
                    .orElse(null);
            retry = policy.maxAttempts() > 1
                    ? Retry.of(
                            target,
                            RetryConfig.custom()
                                    .maxAttempts(policy.maxAttempts())
                                    .intervalBiFunction(backoff(policy))
                                    .retryOnException(policy::retries)
                                    .failAfterMaxAttempts(false)
                                    .build())
                    : null;
            if (retry != null) {
                Attributes attributes = Attributes.of(TARGET, target);
                retry.getEventPublisher().onRetry(e -> retries.add(1, attributes));
            }
        }

        /**
         * Runs the attempts: retry(circuit(rate limit(time limit(bulkhead(attempt))))). Each layer's refusal becomes a
         * {@link CallPolicyException} where it happens, so the retry and circuit predicates, and the caller, see the
         * SDK's types only.
         */
        <T> T execute(CallContext context, CallPolicy.Attempt<T> attempt) throws Exception {
            Callable<T> call = attempt::call;
            Callable<T> bulkheaded = refusing(context, Bulkhead.decorateCallable(bulkhead, call));
            Callable<T> limited = bulkheaded;
            if (timeLimiter != null) {
                TimeLimiter tl = timeLimiter;
                limited = () -> {
                    try {
                        return tl.executeFutureSupplier(() -> CompletableFuture.supplyAsync(
                                () -> {
                                    try {
                                        return bulkheaded.call();
                                    } catch (RuntimeException e) {
                                        throw e;
                                    } catch (Exception e) {
                                        throw new java.util.concurrent.CompletionException(e);
                                    }
                                },
                                timeLimited));
                    } catch (TimeoutException e) {
                        attempt.abandon(); // it goes on on its thread: let it cancel itself before any retry
                        throw refusal(context, e);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CompletionException e) {
                        throw unwrapped(e);
                    }
                };
            }
            Callable<T> rated = rateLimiter == null
                    ? limited
                    : refusing(context, RateLimiter.decorateCallable(rateLimiter, limited));
            Callable<T> broken =
                    circuit == null ? rated : refusing(context, CircuitBreaker.decorateCallable(circuit, rated));
            Callable<T> retried = broken;
            if (context.repeatable() && retry != null) {
                retried = Retry.decorateCallable(retry, broken);
            }
            try {
                return retried.call();
            } catch (java.util.concurrent.CompletionException e) {
                throw unwrapped(e);
            }
        }

        /** The layer, with its refusal turned into a {@link CallPolicyException}. */
        private <T> Callable<T> refusing(CallContext context, Callable<T> layer) {
            return () -> {
                try {
                    return layer.call();
                } catch (CallNotPermittedException | BulkheadFullException | RequestNotPermitted e) {
                    throw refusal(context, e);
                }
            };
        }

        private CallPolicyException refusal(CallContext context, Exception e) {
            CallPolicyException.Reason reason = e instanceof CallNotPermittedException
                    ? CallPolicyException.Reason.CIRCUIT_OPEN
                    : e instanceof BulkheadFullException
                            ? CallPolicyException.Reason.BULKHEAD_FULL
                            : e instanceof RequestNotPermitted
                                    ? CallPolicyException.Reason.RATE_LIMITED
                                    : CallPolicyException.Reason.TIME_LIMIT;
            rejections.add(1, Attributes.of(TARGET, target, REASON, LABELS.get(reason)));
            String operation = context.operation();
            String message =
                    switch (reason) {
                        case CIRCUIT_OPEN ->
                            "the circuit breaker of " + target + " is open: " + operation + " was not sent";
                        case BULKHEAD_FULL ->
                            policy.maxConcurrentCalls() + " calls to " + target + " are in progress already: "
                                    + operation + " was refused";
                        case RATE_LIMITED ->
                            "the rate limit of " + target + " is reached: " + operation + " was refused";
                        case TIME_LIMIT ->
                            operation + " on " + target + " did not finish within "
                                    + policy.timeLimit().orElseThrow();
                    };
            return new CallPolicyException(target, operation, reason, message, e);
        }

        private Exception unwrapped(Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause instanceof Exception ex ? ex : new IllegalStateException(cause);
        }
    }

    private static final Map<CallPolicyException.Reason, String> LABELS = Map.of(
            CallPolicyException.Reason.CIRCUIT_OPEN, "circuit_open",
            CallPolicyException.Reason.BULKHEAD_FULL, "bulkhead_full",
            CallPolicyException.Reason.RATE_LIMITED, "rate_limited",
            CallPolicyException.Reason.TIME_LIMIT, "timed_out");

    /** Exponential backoff with jitter, or the service's Retry-After (capped) when it gives one. */
    private static IntervalBiFunction<Object> backoff(ResiliencePolicy policy) {
        return (attempt, outcome) -> {
            Optional<Duration> asked = Optional.empty();
            if (outcome != null && outcome.isLeft() && outcome.getLeft() instanceof ClassifiedFailure c) {
                asked = c.retryAfter();
            }
            if (asked.isPresent() && asked.get().compareTo(policy.maxRetryAfter()) <= 0) {
                return asked.get().toMillis();
            }
            double exponential = policy.initialBackoff().toMillis() * Math.pow(policy.backoffMultiplier(), attempt - 1);
            double capped = Math.min(exponential, policy.maxBackoff().toMillis());
            double low = capped * (1 - policy.jitter());
            return (long) (low + ThreadLocalRandom.current().nextDouble() * (capped - low + 1e-9));
        };
    }

    /** Stops the threads that run time-limited attempts. */
    @Override
    public void close() {
        states.close();
        timeLimited.shutdownNow();
    }

    /** Builds {@link ResiliencePolicies}. Not thread-safe. */
    public static final class Builder {
        private ResiliencePolicy defaults = ResiliencePolicy.defaults();
        private final Map<String, ResiliencePolicy> named = new HashMap<>();
        private final Map<String, ResiliencePolicy> targets = new HashMap<>();
        private final List<Consumer<CircuitTransition>> listeners = new CopyOnWriteArrayList<>();
        private @Nullable ServiceCatalog catalog;
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private Map<String, String> properties = Map.of();

        private Builder() {}

        /**
         * Policies from configuration (system properties, environment, a properties file), read at {@link #build()}:
         *
         * <pre>
         * openclaw.resilience.policies.default.max-attempts=3
         * openclaw.resilience.policies.payments-critical.max-attempts=5
         * openclaw.resilience.policies.payments-critical.time-limit=2s
         * openclaw.resilience.policies.payments-critical.retry-statuses=502,503,504
         * openclaw.resilience.policies.bulk.rate-limit=100/1s
         * openclaw.resilience.targets.payment-gateway=payments-critical
         * </pre>
         *
         * <p>A named policy starts from the defaults and overrides a policy of the same name given in code; the name
         * {@code default} replaces the defaults. Settings: {@code max-attempts, initial-backoff, backoff-multiplier,
         * max-backoff, jitter, max-retry-after, retry-statuses, circuit-breaker, window, minimum-calls, failure-rate,
         * open-duration, half-open-calls, slow-call, slow-call-rate, time-limit, max-concurrent-calls, rate-limit};
         * durations as {@code 250ms}, {@code 2s}, {@code 1m} or ISO-8601. Which policy a target gets: {@link #target}
         * in code, then {@code targets.<service>} here, then the catalog, then the defaults. Keys without the prefix
         * are ignored; an unknown setting, a malformed value or a target naming an undefined policy fails
         * {@code build()} naming the key.
         */
        public Builder properties(Map<String, String> properties) {
            this.properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
            return this;
        }

        /** Policies from {@link java.util.Properties} (such as {@code System.getProperties()}); see above. */
        public Builder properties(java.util.Properties properties) {
            Map<String, String> copy = new HashMap<>();
            Objects.requireNonNull(properties, "properties")
                    .stringPropertyNames()
                    .forEach(k -> copy.put(k, properties.getProperty(k)));
            return properties(copy);
        }

        /**
         * Policies from a properties file ({@code .openclaw/resilience.properties}); see above.
         *
         * @throws UncheckedIOException naming the file when it cannot be read
         */
        public Builder properties(Path file) {
            Objects.requireNonNull(file, "file");
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return properties(load(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the resilience properties " + file + ": " + e, e);
            }
        }

        /**
         * Policies from a properties file on the class path of the current thread's context class loader, for a
         * service shipped as one jar: {@code propertiesFromClasspath("openclaw/resilience.properties")}; see above.
         *
         * @throws IllegalArgumentException when there is no such resource
         * @throws UncheckedIOException when it cannot be read
         */
        public Builder propertiesFromClasspath(String name) {
            Objects.requireNonNull(name, "name");
            String resource = name.startsWith("/") ? name.substring(1) : name;
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            ClassLoader loader = context != null ? context : ResiliencePolicies.class.getClassLoader();
            try (InputStream stream = loader.getResourceAsStream(resource)) {
                if (stream == null) {
                    throw new IllegalArgumentException("no resilience properties at classpath:" + resource);
                }
                return properties(load(new InputStreamReader(stream, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath:" + resource + ": " + e, e);
            }
        }

        private static java.util.Properties load(Reader in) throws IOException {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p;
        }

        /**
         * Where metrics go; default none. Counters {@code openclaw.resilience.circuit.transitions} (by
         * {@code openclaw.target}, {@code openclaw.circuit.from}, {@code openclaw.circuit.state}),
         * {@code openclaw.resilience.retries} and {@code openclaw.resilience.rejections} (by
         * {@code openclaw.rejection.reason}: circuit_open, bulkhead_full, rate_limited, timed_out); the gauge
         * {@code openclaw.resilience.circuit.state}, 1 with the state each target's circuit is in.
         */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The policy of targets nothing else names. */
        public Builder defaults(ResiliencePolicy policy) {
            this.defaults = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** A policy the catalog can name ({@code resilience: name}). */
        public Builder named(String name, ResiliencePolicy policy) {
            named.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** The policy of one target, over anything the catalog says. */
        public Builder target(String target, ResiliencePolicy policy) {
            targets.put(Objects.requireNonNull(target, "target"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** The catalog whose {@code resilience} extensions name policies. */
        public Builder catalog(ServiceCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** Called on every circuit breaker transition, on the thread that caused it. */
        public Builder onCircuitTransition(Consumer<CircuitTransition> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the policies.
         *
         * @throws IllegalArgumentException when the catalog names a policy that was not given
         */
        public ResiliencePolicies build() {
            return new ResiliencePolicies(this);
        }
    }
}
