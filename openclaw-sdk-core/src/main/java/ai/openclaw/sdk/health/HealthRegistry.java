package ai.openclaw.sdk.health;

import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.internal.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named health checks of a service, in liveness, readiness and startup groups, and the reports a probe asks for.
 * Thread-safe; one per service.
 *
 * <pre>{@code
 * HealthRegistry health = HealthRegistry.builder()
 *         .timeout(Duration.ofSeconds(2))     // a check still running after this is DOWN, "timed out after 2000 ms"
 *         .cacheFor(Duration.ofSeconds(1))    // a result serves every probe for this long
 *         .build();
 * health.readiness("redis", RedisHealthCheck.of(redis));
 * health.liveness("subscriber", EventHealthChecks.alive(subscriber));
 * health.register("catalog", () -> HealthResult.up(), HealthGroup.STARTUP, HealthGroup.READINESS);
 *
 * HealthReport ready = health.report(HealthGroup.READINESS);
 * HealthServer.builder(health).port(8081).start();     // or mount HealthEndpoint in your own HTTP stack
 * }</pre>
 *
 * <p>How checks run: the checks of a report run in parallel on the registry's threads, each under its time limit. A
 * check that is still running when its limit is reached is reported DOWN with {@code error: "timed out after N ms"};
 * it is not started again while that run goes on (later probes wait for the same run), so a hung dependency holds one
 * thread, not one per probe. A finished result is reused for {@link Builder#cacheFor} so that a storm of probes does
 * not hammer a dependency. A check that throws is DOWN with the exception's type and message as {@code error}; user
 * information in URIs ({@code redis://user:password@...}) is replaced by {@code ****} in every string of the data.
 * A change of a check's status is logged (WARN when it goes DOWN, INFO when it comes back).
 */
public final class HealthRegistry implements AutoCloseable {
    /** How long a check may run, by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** How long a result is reused, by default. */
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(HealthRegistry.class);

    private final Duration timeout;
    private final long cacheMillis;
    private final Clock clock;
    private final ExecutorService executor;
    private final Map<String, Entry> entries = Collections.synchronizedMap(new LinkedHashMap<>());

    private HealthRegistry(Builder b) {
        this.timeout = b.timeout;
        this.cacheMillis = b.cacheFor.toMillis();
        this.clock = b.clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "openclaw-health-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A registry with the default time limit and cache. */
    public static HealthRegistry create() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers a check in one or more groups, under the registry's time limit.
     *
     * @throws IllegalArgumentException when the name is taken
     */
    public HealthRegistry register(String name, HealthCheck check, HealthGroup group, HealthGroup... more) {
        return register(name, check, timeout, EnumSet.of(group, more));
    }

    /**
     * Registers a check in groups, with its own time limit.
     *
     * @throws IllegalArgumentException when the name is taken, no group is given or the limit is not positive
     */
    public HealthRegistry register(String name, HealthCheck check, Duration timeout, Set<HealthGroup> groups) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(timeout, "timeout");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a health check needs a name");
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("health check " + name + " needs at least one group");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the time limit of health check " + name + " must be positive");
        }
        synchronized (entries) {
            if (entries.containsKey(name)) {
                throw new IllegalArgumentException("a health check named " + name + " is registered already");
            }
            entries.put(name, new Entry(name, check, EnumSet.copyOf(groups), timeout));
        }
        return this;
    }

    /** Registers a liveness check. */
    public HealthRegistry liveness(String name, HealthCheck check) {
        return register(name, check, HealthGroup.LIVENESS);
    }

    /** Registers a readiness check. */
    public HealthRegistry readiness(String name, HealthCheck check) {
        return register(name, check, HealthGroup.READINESS);
    }

    /** Registers a startup check. */
    public HealthRegistry startup(String name, HealthCheck check) {
        return register(name, check, HealthGroup.STARTUP);
    }

    /** Removes a check; false when there was none of that name. */
    public boolean unregister(String name) {
        return entries.remove(name) != null;
    }

    /** The names of the checks, in registration order. */
    public Set<String> names() {
        synchronized (entries) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(entries.keySet()));
        }
    }

    /** Runs (or reuses) the checks of a group: the report of {@code /health/live}, {@code /ready}, {@code /started}. */
    public HealthReport report(HealthGroup group) {
        Objects.requireNonNull(group, "group");
        return run(selected(e -> e.groups.contains(group)));
    }

    /** Runs (or reuses) every check: the report of {@code /health}. */
    public HealthReport report() {
        return run(selected(e -> true));
    }

    private List<Entry> selected(java.util.function.Predicate<Entry> filter) {
        synchronized (entries) {
            return entries.values().stream().filter(filter).toList();
        }
    }

    private HealthReport run(List<Entry> selected) {
        long start = System.nanoTime();
        List<Future<HealthResult>> runs = new ArrayList<>(selected.size());
        for (Entry e : selected) {
            runs.add(e.current(clock.millis()));
        }
        List<HealthReport.Check> checks = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) {
            Entry e = selected.get(i);
            HealthResult result = await(e, runs.get(i), start + e.timeout.toNanos());
            e.observe(result);
            checks.add(new HealthReport.Check(e.name, result.status(), result.data()));
        }
        return HealthReport.of(checks);
    }

    private static HealthResult await(Entry e, Future<HealthResult> run, long deadline) {
        try {
            return run.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException t) {
            return HealthResult.down("timed out after " + e.timeout.toMillis() + " ms");
        } catch (InterruptedException t) {
            Thread.currentThread().interrupt();
            return HealthResult.down("interrupted");
        } catch (ExecutionException t) {
            return failed(t.getCause() == null ? t : t.getCause());
        }
    }

    private static HealthResult failed(Throwable t) {
        String message = Secrets.redact(t.getMessage());
        return HealthResult.down(t.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    /** Strings in the data lose the user information of URIs. */
    private static HealthResult cleaned(HealthResult result) {
        Map<String, Object> data = new LinkedHashMap<>();
        result.data().forEach((k, v) -> data.put(k, v instanceof String s ? Secrets.redact(s) : v));
        return new HealthResult(result.status(), data);
    }

    /** Stops the registry's threads; checks still running are interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "HealthRegistry" + names();
    }

    private final class Entry {
        final String name;
        final HealthCheck check;
        final Set<HealthGroup> groups;
        final Duration timeout;
        private @Nullable Future<HealthResult> running;
        private @Nullable HealthResult cached;
        private long cachedAt;
        private @Nullable HealthStatus lastStatus;

        Entry(String name, HealthCheck check, Set<HealthGroup> groups, Duration timeout) {
            this.name = name;
            this.check = check;
            this.groups = groups;
            this.timeout = timeout;
        }

        /** The run to wait for: a fresh cached result, the run going on, or a new one. */
        synchronized Future<HealthResult> current(long now) {
            HealthResult c = cached;
            if (c != null && now - cachedAt < cacheMillis) {
                return java.util.concurrent.CompletableFuture.completedFuture(c);
            }
            Future<HealthResult> r = running;
            if (r != null && !r.isDone()) {
                return r; // still running (maybe hung): join it rather than start another
            }
            Future<HealthResult> next = executor.submit(this::runOnce);
            running = next;
            return next;
        }

        private HealthResult runOnce() {
            HealthResult result;
            try {
                result = Objects.requireNonNull(check.check(), "the check returned null");
                result = cleaned(result);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = HealthResult.down("interrupted");
            } catch (Exception | LinkageError | AssertionError e) {
                result = failed(e);
            }
            synchronized (this) {
                cached = result;
                cachedAt = clock.millis();
            }
            return result;
        }

        synchronized void observe(HealthResult result) {
            HealthStatus before = lastStatus;
            lastStatus = result.status();
            if (before == result.status() || (before == null && result.isUp())) {
                return;
            }
            if (result.isUp()) {
                LOG.info("health check {} is UP again", name);
            } else {
                LOG.warn("health check {} is DOWN: {}", name, result.data());
            }
        }
    }

    /** Settings of a {@link HealthRegistry}. */
    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration cacheFor = DEFAULT_CACHE;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The clock a cached result's age is read from; default the system's. Time limits are always real time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a check may run before it is reported DOWN; default {@link #DEFAULT_TIMEOUT}. */
        public Builder timeout(Duration timeout) {
            this.timeout = Arguments.positive("timeout", timeout);
            return this;
        }

        /** How long a result is reused; {@link Duration#ZERO} runs the check on every probe. Default 1 s. */
        public Builder cacheFor(Duration cacheFor) {
            Objects.requireNonNull(cacheFor, "cacheFor");
            if (cacheFor.isNegative()) {
                throw new IllegalArgumentException("cacheFor must not be negative, was " + cacheFor);
            }
            this.cacheFor = cacheFor;
            return this;
        }

        /** The registry. */
        public HealthRegistry build() {
            return new HealthRegistry(this);
        }
    }
}
