package ai.openclaw.sdk.internal.server;

import ai.openclaw.sdk.server.IdempotencyStore;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/** {@link IdempotencyStore#inMemory}: a bounded, insertion-ordered map; expired and excess keys leave first. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final long ttlNanos;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final String fingerprint;

        @Nullable
        StoredResponse response;

        long expiresAt;

        Entry(String fingerprint, long expiresAt) {
            this.fingerprint = fingerprint;
            this.expiresAt = expiresAt;
        }
    }

    /**
     * A store.
     *
     * @param nanoTime the clock (tests give their own)
     */
    public InMemoryIdempotencyStore(Duration ttl, int maxKeys, LongSupplier nanoTime) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the time to live must be positive, not " + ttl);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, not " + maxKeys);
        }
        this.ttlNanos = ttl.toNanos();
        this.maxKeys = maxKeys;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public synchronized Claim claim(String key, String fingerprint) {
        long now = nanoTime.getAsLong();
        evict(now);
        Entry e = entries.get(key);
        if (e == null) {
            // an answer in progress is kept as long as it takes; the time to live starts with the response
            entries.put(key, new Entry(fingerprint, Long.MAX_VALUE));
            while (entries.size() > maxKeys) {
                Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
                oldest.next();
                oldest.remove();
            }
            return new Claim(Claim.Kind.NEW, null);
        }
        if (!e.fingerprint.equals(fingerprint)) {
            return new Claim(Claim.Kind.MISMATCH, null);
        }
        return e.response == null ? new Claim(Claim.Kind.IN_FLIGHT, null) : new Claim(Claim.Kind.REPLAY, e.response);
    }

    @Override
    public synchronized void complete(String key, StoredResponse response) {
        Entry e = entries.get(key);
        if (e != null) {
            e.response = Objects.requireNonNull(response, "response");
            e.expiresAt = nanoTime.getAsLong() + ttlNanos;
        }
    }

    @Override
    public synchronized void release(String key) {
        Entry e = entries.get(key);
        if (e != null && e.response == null) {
            entries.remove(key);
        }
    }

    private void evict(long now) {
        entries.values().removeIf(e -> e.expiresAt - now < 0 && e.response != null);
    }

    /** How many keys are held (tests). */
    public synchronized int size() {
        return entries.size();
    }
}
