package ai.openclaw.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@link EventsBenchmark}'s publish paths measured in alternating blocks in one JVM against one redis-server, so that
 * the drift of a noisy machine lands on each path alike: each round runs a block of each path (the order rotating from
 * round to round) and records its events per second and the CPU time it took (summed over the rounds: the clocks tick in 10 ms), in this JVM (the caller's thread,
 * Lettuce's event loop, garbage collection) and in redis-server. Prints, for each comparison, the median and quartiles
 * of the per-round throughput ratios, and each path's median CPU time per event.
 *
 * <pre>{@code
 * java -cp openclaw-sdk-benchmarks/target/benchmarks.jar ai.openclaw.sdk.benchmarks.PublishPairs 40 300
 * }</pre>
 *
 * <p>The arguments: rounds (40), and invocations per block (300; a pipelined invocation publishes a batch of {@value
 * EventsBenchmark#BATCH}, a one-at-a-time block runs {@value #SINGLE_FACTOR} times as many single publishes). It
 * complements the JMH benchmark, whose forks run one after another while the machine's speed moves by more than the
 * gaps measured. Reading redis-server's CPU time needs Linux's {@code /proc}; elsewhere that column is left out.
 */
public final class PublishPairs {
    /** A one-at-a-time block runs this many times the invocations of a pipelined block: about the same events. */
    static final int SINGLE_FACTOR = 20;

    private PublishPairs() {}

    /** A path, each round's events per second, and the CPU time it took over all rounds. */
    private static final class Variant {
        final String name;
        final Callable<Object> call;
        final int events;
        final double[] rate;
        long totalEvents;
        long jvmCpuNanos;
        long redisTicks;

        Variant(String name, Callable<Object> call, int events, int rounds) {
            this.name = name;
            this.call = call;
            this.events = events;
            this.rate = new double[rounds];
        }
    }

    /** An SDK path and the raw code doing the same work. */
    private record Comparison(String what, Variant sdk, Variant raw) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        EventsBenchmark b = new EventsBenchmark();
        b.setUp();
        try {
            Path redisStat = Path.of("/proc/" + b.redisPid() + "/stat");
            boolean redisCpu = Files.isReadable(redisStat);
            int batch = EventsBenchmark.BATCH;
            Variant raw = new Variant("rawPublishPipelined", b::rawPublishPipelined, batch, rounds);
            Variant sdkAsync = new Variant("sdkPublishAsyncPipelined", b::sdkPublishAsyncPipelined, batch, rounds);
            Variant rawFirst =
                    new Variant("rawPublishPipelined_checkedFirst", b::rawPublishPipelined_checkedFirst, batch, rounds);
            Variant rawOneWrite = new Variant(
                    "rawPublishPipelined_checkedFirstOneWrite",
                    b::rawPublishPipelined_checkedFirstOneWrite,
                    batch,
                    rounds);
            Variant sdkAll = new Variant("sdkPublishPipelined", b::sdkPublishPipelined, batch, rounds);
            Variant rawOne = new Variant("rawPublish", b::rawPublish, 1, rounds);
            Variant sdkOne = new Variant("sdkPublish", b::sdkPublish, 1, rounds);
            List<Variant> paths = List.of(raw, sdkAsync, rawFirst, rawOneWrite, sdkAll, rawOne, sdkOne);
            List<Comparison> comparisons = List.of(
                    new Comparison("pipelined, each event sent as it is checked", sdkAsync, raw),
                    new Comparison("all checked before any is sent, then sent in one write", sdkAll, rawOneWrite),
                    new Comparison("publishAll against checking first, then a flush per command", sdkAll, rawFirst),
                    new Comparison("publishAll against the raw loop without its promise", sdkAll, raw),
                    new Comparison("one at a time", sdkOne, rawOne));
            for (int w = 0; w < 5; w++) { // warm-up: the JIT sees every path
                for (Variant p : paths) {
                    run(p, block);
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < paths.size(); k++) {
                    Variant p = paths.get((r + k) % paths.size());
                    long cpu = os.getProcessCpuTime();
                    long redis = redisCpu ? ticks(redisStat) : 0;
                    long start = System.nanoTime();
                    long events = run(p, block);
                    long nanos = System.nanoTime() - start;
                    p.rate[r] = events / (nanos / 1e9);
                    p.totalEvents += events;
                    p.jvmCpuNanos += os.getProcessCpuTime() - cpu;
                    p.redisTicks += redisCpu ? ticks(redisStat) - redis : 0;
                }
            }
            System.out.printf("%d rounds, blocks of %d invocations per path, alternating%n", rounds, block);
            for (Variant p : paths) {
                System.out.printf(
                        "%-34s %,8.0f events/s  CPU per event: JVM %5.2f us%s%n",
                        p.name,
                        median(p.rate),
                        p.jvmCpuNanos / 1e3 / p.totalEvents,
                        redisCpu
                                ? String.format(
                                        ", redis-server %5.2f us", p.redisTicks * 1e6 / CLOCK_TICKS / p.totalEvents)
                                : "");
            }
            for (Comparison c : comparisons) {
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = c.sdk.rate[r] / c.raw.rate[r];
                }
                Arrays.sort(ratios);
                System.out.printf(
                        "%-62s %s / %s: median %.3fx (quartiles %.3fx, %.3fx)%n",
                        c.what,
                        c.sdk.name,
                        c.raw.name,
                        ratios[rounds / 2],
                        ratios[rounds / 4],
                        ratios[(3 * rounds) / 4]);
            }
        } finally {
            b.tearDown();
        }
    }

    /** Linux's clock ticks per second, which {@code /proc/<pid>/stat} counts CPU time in. */
    private static final double CLOCK_TICKS = 100;

    private static long run(Variant p, int block) throws Exception {
        int invocations = p.events == 1 ? block * SINGLE_FACTOR : block;
        for (int i = 0; i < invocations; i++) {
            p.call.call();
        }
        return (long) invocations * p.events;
    }

    /** User plus system CPU time of a process, in clock ticks. */
    private static long ticks(Path stat) throws java.io.IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14 and 15
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
