package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.transport.StreamEntry;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Hands entries to the worker threads: a pool, or (ordered by key) one single-threaded lane per worker, each key
 * always in the same lane and so in stream order. A batch goes as a few tasks rather than one per entry (each task
 * wakes a thread): one chunk per worker, or one per lane.
 */
public final class Dispatcher {
    private final int workerCount;
    private final @Nullable ExecutorService workers;
    private final ExecutorService @Nullable [] lanes;
    private final AtomicInteger nextLane = new AtomicInteger();
    private final JsonFactory json;
    private final Consumer<StreamEntry> work;
    private final Consumer<StreamEntry> refused;

    /**
     * A dispatcher.
     *
     * @param work what a worker does with an entry
     * @param refused what happens to an entry no worker takes any more (shutting down): it stays pending
     */
    public Dispatcher(
            String group,
            int workerCount,
            boolean orderedByKey,
            JsonFactory json,
            Consumer<StreamEntry> work,
            Consumer<StreamEntry> refused) {
        this.workerCount = workerCount;
        this.json = json;
        this.work = work;
        this.refused = refused;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "openclaw-events-" + group + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        if (orderedByKey) {
            this.lanes = new ExecutorService[workerCount];
            for (int i = 0; i < workerCount; i++) {
                lanes[i] = Executors.newSingleThreadExecutor(threads);
            }
            this.workers = null;
        } else {
            this.lanes = null;
            this.workers = Executors.newFixedThreadPool(workerCount, threads);
        }
    }

    /** Hands the entries to the workers; each holds its slot until it is finished. */
    public void dispatch(List<StreamEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (lanes != null) {
            Map<ExecutorService, List<StreamEntry>> byLane = new LinkedHashMap<>();
            for (StreamEntry e : entries) {
                byLane.computeIfAbsent(laneOf(e), k -> new ArrayList<>()).add(e);
            }
            byLane.forEach(this::submit);
            return;
        }
        ExecutorService pool = java.util.Objects.requireNonNull(workers);
        int size = (entries.size() + workerCount - 1) / workerCount;
        for (int i = 0; i < entries.size(); i += size) {
            submit(pool, List.copyOf(entries.subList(i, Math.min(entries.size(), i + size))));
        }
    }

    private void submit(ExecutorService executor, List<StreamEntry> chunk) {
        try {
            executor.execute(() -> chunk.forEach(work));
        } catch (RejectedExecutionException e) {
            chunk.forEach(refused); // shutting down: they stay pending for another consumer
        }
    }

    private ExecutorService laneOf(StreamEntry entry) {
        ExecutorService[] all = java.util.Objects.requireNonNull(lanes);
        String key = partitionKeyOf(entry.data());
        int lane = key == null
                ? Math.floorMod(nextLane.getAndIncrement(), all.length)
                : Math.floorMod(key.hashCode(), all.length);
        return all[lane];
    }

    /** The envelope's partitionkey, read without mapping the payload; null when absent or unreadable. */
    private @Nullable String partitionKeyOf(@Nullable String data) {
        if (data == null) {
            return null;
        }
        try (JsonParser parser = json.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("partitionkey".equals(name)) {
                    return parser.getValueAsString();
                }
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            return null; // malformed: a worker dead-letters it
        }
        return null;
    }

    /** Stops taking work, waits up to {@code timeout} for what was handed over, then interrupts what still runs. */
    public boolean shutdown(Duration timeout) throws InterruptedException {
        List<ExecutorService> all = executors();
        all.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done = true;
        for (ExecutorService e : all) {
            done &= e.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        if (!done) {
            all.forEach(ExecutorService::shutdownNow);
        }
        return done;
    }

    /** Stops at once. */
    public void shutdownNow() {
        executors().forEach(ExecutorService::shutdownNow);
    }

    private List<ExecutorService> executors() {
        List<ExecutorService> all = new ArrayList<>();
        if (workers != null) {
            all.add(workers);
        }
        if (lanes != null) {
            all.addAll(List.of(lanes));
        }
        return all;
    }
}
