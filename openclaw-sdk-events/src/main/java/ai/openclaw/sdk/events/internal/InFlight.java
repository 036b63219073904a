package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.transport.StreamEntry;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The entries a subscriber has read or claimed and not finished, by stream and id (ids are unique within a stream
 * only). Thread-safe.
 */
public final class InFlight {
    private final Map<String, Set<String>> byStream = new ConcurrentHashMap<>();
    private final Function<String, Set<String>> newSet = k -> ConcurrentHashMap.newKeySet();
    private final AtomicInteger size = new AtomicInteger();

    /** In flight for the streams given (others are added when first seen). */
    public InFlight(Collection<String> streams) {
        streams.forEach(s -> byStream.put(s, ConcurrentHashMap.newKeySet()));
    }

    /** Marks the entry in flight. */
    public void add(StreamEntry entry) {
        if (ids(entry.stream()).add(entry.id())) {
            size.incrementAndGet();
        }
    }

    /** Whether the entry was in flight; it is not any more. */
    public boolean remove(StreamEntry entry) {
        return remove(entry.stream(), entry.id());
    }

    /** Whether entry {@code id} of {@code stream} was in flight; it is not any more. */
    public boolean remove(String stream, String id) {
        Set<String> ids = byStream.get(stream);
        if (ids != null && ids.remove(id)) {
            size.decrementAndGet();
            return true;
        }
        return false;
    }

    /** Whether entry {@code id} of {@code stream} is in flight. */
    public boolean contains(String stream, String id) {
        Set<String> ids = byStream.get(stream);
        return ids != null && ids.contains(id);
    }

    /** How many are in flight. */
    public int size() {
        return size.get();
    }

    /** Whether none is. */
    public boolean isEmpty() {
        return size.get() == 0;
    }

    private Set<String> ids(String stream) {
        return byStream.computeIfAbsent(stream, newSet);
    }
}
