package ai.openclaw.sdk.events.memory;

import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.NoGroupException;
import ai.openclaw.sdk.transport.StreamEntry;
import ai.openclaw.sdk.transport.Trim;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Streams, consumer groups and pending entries in memory, with the semantics of Redis Streams that publishers and
 * subscribers rely on: ids {@code <millis>-<seq>}, groups reading new entries once, pending lists with delivery
 * counts, claiming idle entries, trimming. It passes the same conformance kit as the Redis transport.
 *
 * <pre>{@code
 * InMemoryTransport transport = new InMemoryTransport();
 * EventPublisher publisher = EventPublisher.builder("user-service", transport).build();
 * EventSubscriber subscriber = EventSubscriber.builder("billing-service", transport).on(...).build();
 * }</pre>
 *
 * <p>Thread-safe. Memory grows with what is appended: trim, or {@link #clear()} between tests.
 */
public final class InMemoryTransport implements EventTransport {
    private final Clock clock;
    private final Map<String, Stream> streams = new HashMap<>();
    private boolean closed;

    private static final class Stream {
        final NavigableMap<Id, String> entries = new TreeMap<>();
        final Map<String, Group> groups = new LinkedHashMap<>();
        Id last = new Id(0, 0);
    }

    private static final class Group {
        Id lastDelivered;
        final NavigableMap<Id, Pending> pending = new TreeMap<>();
        /** Consumer name to when it last read or claimed. */
        final Map<String, Long> seen = new LinkedHashMap<>();

        long trimmedUnread;

        Group(Id lastDelivered) {
            this.lastDelivered = lastDelivered;
        }
    }

    private static final class Pending {
        String consumer;
        long deliveredAt;
        long deliveries;

        Pending(String consumer, long deliveredAt) {
            this.consumer = consumer;
            this.deliveredAt = deliveredAt;
            this.deliveries = 1;
        }
    }

    private record Id(long millis, long seq) implements Comparable<Id> {
        static Id parse(String id) {
            int dash = id.indexOf('-');
            return new Id(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
        }

        @Override
        public int compareTo(Id o) {
            return millis != o.millis ? Long.compare(millis, o.millis) : Long.compare(seq, o.seq);
        }

        @Override
        public String toString() {
            return millis + "-" + seq;
        }
    }

    /** A transport on the system clock. */
    public InMemoryTransport() {
        this(Clock.systemUTC());
    }

    /** A transport on a clock (entry ids and idle times follow it). */
    public InMemoryTransport(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<String> append(String stream, String data, Trim trim) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(trim, "trim");
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the transport is closed"));
            }
            Stream s = streams.computeIfAbsent(stream, k -> new Stream());
            long now = clock.millis();
            Id id = now > s.last.millis() ? new Id(now, 0) : new Id(s.last.millis(), s.last.seq() + 1);
            s.entries.put(id, data);
            s.last = id;
            if (trim.trims()) {
                trim(s, trim, now);
            }
            notifyAll();
            return CompletableFuture.completedFuture(id.toString());
        }
    }

    private static void trim(Stream s, Trim trim, long now) {
        Id keepFrom = trim.keepUnread() ? oldestNeeded(s) : null;
        Id ageLimit = trim.maxAge().isZero() ? null : new Id(now - trim.maxAge().toMillis(), 0);
        while (!s.entries.isEmpty()) {
            Id first = s.entries.firstKey();
            boolean over = trim.maxLength() > 0
                    ? s.entries.size() > trim.maxLength()
                    : ageLimit != null && first.compareTo(ageLimit) < 0;
            if (!over || (keepFrom != null && first.compareTo(keepFrom) >= 0)) {
                return;
            }
            s.entries.pollFirstEntry();
            for (Group g : s.groups.values()) {
                if (first.compareTo(g.lastDelivered) > 0) {
                    g.trimmedUnread++; // gone before the group read it
                }
            }
        }
    }

    /** The oldest id some group still needs (its oldest pending entry, or the first after its last delivered). */
    private static @Nullable Id oldestNeeded(Stream s) {
        Id oldest = null;
        for (Group g : s.groups.values()) {
            Id needed = g.pending.isEmpty()
                    ? new Id(g.lastDelivered.millis(), g.lastDelivered.seq() + 1)
                    : g.pending.firstKey();
            if (oldest == null || needed.compareTo(oldest) < 0) {
                oldest = needed;
            }
        }
        return oldest;
    }

    @Override
    public synchronized void createGroup(String stream, String group, boolean fromStart) {
        Stream s = streams.computeIfAbsent(stream, k -> new Stream());
        s.groups.computeIfAbsent(group, g -> new Group(fromStart ? new Id(0, 0) : s.last));
    }

    @Override
    public List<StreamEntry> read(String group, String consumer, List<String> streamKeys, int count, Duration block) {
        long deadline = System.nanoTime() + block.toNanos();
        synchronized (this) {
            while (true) {
                List<StreamEntry> out = new ArrayList<>();
                for (String key : streamKeys) {
                    Group g = group(key, group);
                    g.seen.put(consumer, clock.millis()); // a read, even an empty one, shows the consumer alive
                    Stream s = streams.get(key);
                    for (Map.Entry<Id, String> e :
                            s.entries.tailMap(g.lastDelivered, false).entrySet()) {
                        if (out.size() >= count) {
                            break;
                        }
                        g.pending.put(e.getKey(), new Pending(consumer, clock.millis()));
                        g.lastDelivered = e.getKey();
                        out.add(new StreamEntry(key, e.getKey().toString(), e.getValue(), 1));
                    }
                }
                long left = deadline - System.nanoTime();
                if (!out.isEmpty() || block.isZero() || left <= 0 || closed) {
                    return out;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return out;
                }
            }
        }
    }

    private Group group(String stream, String group) {
        Stream s = streams.get(stream);
        Group g = s == null ? null : s.groups.get(group);
        if (g == null) {
            throw new NoGroupException(stream, group);
        }
        return g;
    }

    @Override
    public synchronized void ack(String stream, String group, Collection<String> ids) {
        Stream s = streams.get(stream);
        Group g = s == null ? null : s.groups.get(group);
        if (g != null) {
            ids.forEach(id -> g.pending.remove(Id.parse(id)));
        }
    }

    @Override
    public synchronized List<PendingEntry> pendingIdle(String stream, String group, Duration minIdle, int count) {
        Group g = group(stream, group);
        long now = clock.millis();
        List<PendingEntry> out = new ArrayList<>();
        for (Map.Entry<Id, Pending> e : g.pending.entrySet()) {
            if (out.size() >= count) {
                break;
            }
            Pending p = e.getValue();
            long idle = now - p.deliveredAt;
            if (idle >= minIdle.toMillis()) {
                out.add(new PendingEntry(e.getKey().toString(), p.consumer, Duration.ofMillis(idle), p.deliveries));
            }
        }
        return out;
    }

    @Override
    public synchronized Claim claim(
            String stream, String group, String consumer, Duration minIdle, Collection<PendingEntry> pending) {
        Group g = group(stream, group);
        Stream s = streams.get(stream);
        long now = clock.millis();
        g.seen.put(consumer, now);
        List<StreamEntry> entries = new ArrayList<>();
        List<String> trimmed = new ArrayList<>();
        for (PendingEntry wanted : pending) {
            Id id = Id.parse(wanted.id());
            Pending p = g.pending.get(id);
            if (p == null || now - p.deliveredAt < minIdle.toMillis()) {
                continue; // acknowledged, or claimed by another consumer meanwhile
            }
            String data = s.entries.get(id);
            if (data == null) {
                trimmed.add(wanted.id());
                continue;
            }
            p.consumer = consumer;
            p.deliveredAt = now;
            p.deliveries++;
            entries.add(new StreamEntry(stream, wanted.id(), data, p.deliveries));
        }
        return new Claim(entries, trimmed);
    }

    @Override
    public synchronized List<GroupConsumer> consumers(String stream, String group) {
        Stream s = streams.get(stream);
        Group g = s == null ? null : s.groups.get(group);
        if (g == null) {
            return List.of();
        }
        long now = clock.millis();
        List<GroupConsumer> out = new ArrayList<>();
        g.seen.forEach((name, at) -> out.add(new GroupConsumer(
                name,
                g.pending.values().stream().filter(p -> p.consumer.equals(name)).count(),
                Duration.ofMillis(now - at))));
        return out;
    }

    @Override
    public synchronized void removeConsumer(String stream, String group, String consumer) {
        Stream s = streams.get(stream);
        Group g = s == null ? null : s.groups.get(group);
        if (g != null) {
            g.seen.remove(consumer);
            g.pending.values().removeIf(p -> p.consumer.equals(consumer));
        }
    }

    @Override
    public synchronized long trimmedUnread(String stream, String group) {
        Stream s = streams.get(stream);
        Group g = s == null ? null : s.groups.get(group);
        return g == null ? 0 : g.trimmedUnread;
    }

    @Override
    public synchronized long pending(String stream, String group) {
        Stream s = streams.get(stream);
        Group g = s == null ? null : s.groups.get(group);
        return g == null ? 0 : g.pending.size();
    }

    @Override
    public synchronized long lag(String stream, String group) {
        Stream s = streams.get(stream);
        Group g = s == null ? null : s.groups.get(group);
        return g == null ? 0 : s.entries.tailMap(g.lastDelivered, false).size();
    }

    @Override
    public synchronized List<StreamEntry> range(String stream, String fromId, int count) {
        List<StreamEntry> out = new ArrayList<>();
        Stream s = streams.get(stream);
        if (s == null) {
            return out;
        }
        NavigableMap<Id, String> from = fromId.equals("-") ? s.entries : s.entries.tailMap(Id.parse(fromId), true);
        for (Map.Entry<Id, String> e : from.entrySet()) {
            if (out.size() >= count) {
                break;
            }
            out.add(new StreamEntry(stream, e.getKey().toString(), e.getValue(), 1));
        }
        return out;
    }

    @Override
    public synchronized List<StreamEntry> latest(String stream, int count) {
        List<StreamEntry> out = new ArrayList<>();
        Stream s = streams.get(stream);
        if (s != null) {
            for (Map.Entry<Id, String> e : s.entries.descendingMap().entrySet()) {
                if (out.size() >= count) {
                    break;
                }
                out.add(new StreamEntry(stream, e.getKey().toString(), e.getValue(), 1));
            }
        }
        return out;
    }

    @Override
    public synchronized void delete(String stream, Collection<String> ids) {
        Stream s = streams.get(stream);
        if (s != null) {
            ids.forEach(id -> s.entries.remove(Id.parse(id)));
        }
    }

    @Override
    public synchronized long length(String stream) {
        Stream s = streams.get(stream);
        return s == null ? 0 : s.entries.size();
    }

    /** The entries of a stream, oldest first, as {@code id -> data}. */
    public synchronized Map<String, String> entries(String stream) {
        Map<String, String> out = new LinkedHashMap<>();
        Stream s = streams.get(stream);
        if (s != null) {
            s.entries.forEach((id, data) -> out.put(id.toString(), data));
        }
        return out;
    }

    /** Removes every entry of a stream, as {@code XTRIM MAXLEN 0} does; groups and pending lists stay. */
    public synchronized void trimAll(String stream) {
        Stream s = streams.get(stream);
        if (s != null) {
            while (!s.entries.isEmpty()) {
                Id first = s.entries.pollFirstEntry().getKey();
                for (Group g : s.groups.values()) {
                    if (first.compareTo(g.lastDelivered) > 0) {
                        g.trimmedUnread++;
                    }
                }
            }
        }
    }

    /** Forgets every stream and group, as {@code FLUSHALL} does. */
    public synchronized void clear() {
        streams.clear();
    }

    /** Wakes waiting reads; further appends fail. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
