package ai.openclaw.sdk.internal.discovery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances of one service and their state: requests in flight, consecutive failures, ejection. Thread-safe: the
 * node list is replaced whole when a source's answer changes; each node's counters are atomic.
 */
public final class InstancePool {
    private static final Logger LOG = LoggerFactory.getLogger(InstancePool.class);

    private final String serviceName;
    private final Clock clock;
    private final int failuresToEject;
    private final Duration ejection;
    private final AtomicInteger cursor = new AtomicInteger();
    private volatile List<ai.openclaw.sdk.discovery.ServiceInstance> urls = List.of();
    private volatile Node[] nodes = new Node[0];
    /** The nodes by track, split once per change of the list, not per selection. */
    private volatile Node[] canaries = new Node[0];

    private volatile Node[] baseline = new Node[0];
    private volatile Recorders recorders;

    /** Which nodes a selection considers. */
    public enum Among {
        /** Every instance. */
        ALL,
        /** Canary instances only. */
        CANARY,
        /** Instances other than canaries: the baseline. */
        BASELINE
    }

    /** The calls of the canary and of the baseline since {@code since} (epoch millis). */
    public record Recorders(long since, TrackRecorder canary, TrackRecorder baseline) {
        Recorders(long since) {
            this(since, new TrackRecorder(), new TrackRecorder());
        }
    }

    public InstancePool(String serviceName, Clock clock, int failuresToEject, Duration ejection) {
        this.serviceName = serviceName;
        this.clock = clock;
        this.failuresToEject = failuresToEject;
        this.ejection = ejection;
        this.recorders = new Recorders(clock.millis());
    }

    /** The calls recorded per track since the last {@link #resetRecorders()}. */
    public Recorders recorders() {
        return recorders;
    }

    /** Starts recording afresh (a canary split began or changed). */
    public void resetRecorders() {
        recorders = new Recorders(clock.millis());
    }

    /** Whether any instance is a canary. */
    public boolean hasCanary() {
        return canaries.length > 0;
    }

    /** Brings the pool in line with a source's current answer, keeping the state of instances still listed. */
    public void update(List<ai.openclaw.sdk.discovery.ServiceInstance> current) {
        if (current.equals(urls)) {
            return;
        }
        synchronized (this) {
            if (current.equals(urls)) {
                return;
            }
            Map<ai.openclaw.sdk.discovery.ServiceInstance, Node> old = new HashMap<>();
            for (Node n : nodes) {
                old.put(n.instance, n);
            }
            List<Node> fresh = new ArrayList<>();
            for (ai.openclaw.sdk.discovery.ServiceInstance u : current) {
                Node kept = old.get(u);
                fresh.add(kept != null ? kept : new Node(u));
            }
            nodes = fresh.toArray(new Node[0]);
            canaries = fresh.stream().filter(n -> n.canary).toArray(Node[]::new);
            baseline = fresh.stream().filter(n -> !n.canary).toArray(Node[]::new);
            urls = List.copyOf(current);
        }
    }

    /** Picks each non-ejected instance in turn; when all are ejected, each instance in turn. */
    public Node roundRobin() {
        return roundRobin(Among.ALL);
    }

    /**
     * Picks each non-ejected instance of the group in turn; when all of the group are ejected, each of the group in
     * turn; when the group has none, as {@link Among#ALL}.
     */
    public Node roundRobin(Among among) {
        Node[] all = among(among);
        long now = clock.millis();
        int start = Math.floorMod(cursor.getAndIncrement(), all.length);
        for (int i = 0; i < all.length; i++) {
            Node n = all[(start + i) % all.length];
            if (!n.isEjected(now)) {
                return n.acquire();
            }
        }
        return panic(all, start);
    }

    private Node[] among(Among among) {
        Node[] some = among == Among.CANARY ? canaries : among == Among.BASELINE ? baseline : nodes;
        return some.length == 0 ? nodes : some;
    }

    /** Two non-ejected instances at random, the one with fewer in flight; when all are ejected, each in turn. */
    public Node powerOfTwoChoices(RandomGenerator random) {
        return powerOfTwoChoices(random, Among.ALL);
    }

    /** Two non-ejected instances of the group at random, the one with fewer in flight. */
    public Node powerOfTwoChoices(RandomGenerator random, Among among) {
        Node[] all = among(among);
        long now = clock.millis();
        Node[] healthy = new Node[all.length];
        int count = 0;
        for (Node n : all) {
            if (!n.isEjected(now)) {
                healthy[count++] = n;
            }
        }
        if (count == 0) {
            return panic(all, Math.floorMod(cursor.getAndIncrement(), all.length));
        }
        if (count == 1) {
            return healthy[0].acquire();
        }
        int a = random.nextInt(count);
        int b = random.nextInt(count - 1);
        if (b >= a) {
            b++;
        }
        Node first = healthy[a];
        Node second = healthy[b];
        return (second.inFlight.get() < first.inFlight.get() ? second : first).acquire();
    }

    /**
     * Every instance is ejected. Refusing to call would turn a partial outage into a total one, so calls spread over
     * all instances, as Envoy's panic threshold does; the circuit breaker decides whether to stop calling.
     */
    private Node panic(Node[] all, int start) {
        LOG.debug("every instance of {} is ejected; spreading calls over all of them", serviceName);
        return all[start].acquire();
    }

    public boolean isEmpty() {
        return nodes.length == 0;
    }

    public List<ai.openclaw.sdk.discovery.InstanceStatus> status() {
        long now = clock.millis();
        List<ai.openclaw.sdk.discovery.InstanceStatus> out = new ArrayList<>();
        for (Node n : nodes) {
            long until = n.ejectedUntil;
            out.add(new ai.openclaw.sdk.discovery.InstanceStatus(
                    n.instance.baseUrl(),
                    n.inFlight.get(),
                    n.consecutiveFailures.get(),
                    until > now ? Optional.of(Instant.ofEpochMilli(until)) : Optional.empty()));
        }
        return List.copyOf(out);
    }

    /** One instance's state. */
    public final class Node {
        private final ai.openclaw.sdk.discovery.ServiceInstance instance;
        private final URI baseUrl;
        private final boolean canary;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger consecutiveFailures = new AtomicInteger();
        private volatile long ejectedUntil;

        Node(ai.openclaw.sdk.discovery.ServiceInstance instance) {
            this.instance = instance;
            this.baseUrl = instance.baseUrl();
            this.canary = instance.isCanary();
        }

        public URI baseUrl() {
            return baseUrl;
        }

        public ai.openclaw.sdk.discovery.ServiceInstance instance() {
            return instance;
        }

        /** Records a finished call in its track's recorder. */
        public void recordCall(boolean failed, long nanos) {
            Recorders r = recorders;
            (canary ? r.canary() : r.baseline()).record(failed, nanos);
        }

        boolean isEjected(long now) {
            return ejectedUntil > now;
        }

        Node acquire() {
            inFlight.incrementAndGet();
            return this;
        }

        public void release() {
            inFlight.decrementAndGet();
        }

        public void recordSuccess() {
            if (consecutiveFailures.getAndSet(0) >= failuresToEject) {
                LOG.info("instance {} of {} is answering again", baseUrl, serviceName);
            }
        }

        /**
         * Counts a failure. At the threshold the instance is ejected for the cool-down. An instance back from ejection
         * keeps its count until it succeeds, so a single further failure ejects it again: it returns on probation.
         */
        public void recordFailure() {
            int failures = consecutiveFailures.incrementAndGet();
            long now = clock.millis();
            if (failures >= failuresToEject && !isEjected(now)) {
                ejectedUntil = now + ejection.toMillis();
                LOG.warn(
                        "ejecting instance {} of {} for {} ms after {} consecutive failures",
                        baseUrl,
                        serviceName,
                        ejection.toMillis(),
                        failures);
            }
        }
    }
}
