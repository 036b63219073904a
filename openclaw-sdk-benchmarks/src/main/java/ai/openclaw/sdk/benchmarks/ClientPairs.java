package ai.openclaw.sdk.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The client benchmark's four calls measured in alternating blocks in one JVM, so that the drift of a noisy machine
 * lands on every variant alike: each round runs a block of calls of each variant (the order rotating from round to
 * round), timing every call. Prints each variant's median, p90 and p99 latency and throughput, and the ratios to raw
 * OkHttp, including the median of the per-round ratios.
 *
 * <pre>{@code
 * java -cp openclaw-sdk-benchmarks/target/benchmarks.jar ai.openclaw.sdk.benchmarks.ClientPairs 60 500
 * }</pre>
 *
 * <p>It complements {@link ClientBenchmark} (JMH, one variant per fork, one after another), whose ratios move with the
 * machine between forks. Same server (a separate JVM), same calls.
 */
public final class ClientPairs {
    private ClientPairs() {}

    private record Variant(String name, Callable<Object> call, List<Long> nanos, long[] blockNanos) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ClientBenchmark b = new ClientBenchmark();
        b.setUp();
        try {
            List<Variant> variants = List.of(
                    new Variant("raw OkHttp", b::rawGet, new ArrayList<>(), new long[rounds]),
                    new Variant("sdkGet", b::sdkGet, new ArrayList<>(), new long[rounds]),
                    new Variant("sdkGetValidated", b::sdkGetValidated, new ArrayList<>(), new long[rounds]),
                    new Variant(
                            "sdkGetValidatedWithPolicy",
                            b::sdkGetValidatedWithPolicy,
                            new ArrayList<>(),
                            new long[rounds]));
            for (int i = 0; i < 20_000; i++) { // warm-up: the JIT sees every variant
                for (Variant v : variants) {
                    v.call.call();
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < variants.size(); k++) {
                    Variant v = variants.get((r + k) % variants.size());
                    long blockStart = System.nanoTime();
                    for (int i = 0; i < block; i++) {
                        long start = System.nanoTime();
                        v.call.call();
                        v.nanos.add(System.nanoTime() - start);
                    }
                    v.blockNanos[r] = System.nanoTime() - blockStart;
                }
            }
            Variant raw = variants.get(0);
            double rawMedian = percentile(raw.nanos, 50);
            double rawRate = rate(raw, block);
            System.out.printf("%d rounds of %d calls per variant, alternating%n", rounds, block);
            for (Variant v : variants) {
                double[] perRound = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    perRound[r] = (double) v.blockNanos[r] / raw.blockNanos[r];
                }
                Arrays.sort(perRound);
                System.out.printf(
                        "%-27s p50 %7.1f us  p90 %7.1f us  p99 %7.1f us  %,8.0f calls/s  latency %.2fx  throughput %.2fx"
                                + "  (median per-round time ratio %.2fx)%n",
                        v.name,
                        percentile(v.nanos, 50) / 1e3,
                        percentile(v.nanos, 90) / 1e3,
                        percentile(v.nanos, 99) / 1e3,
                        rate(v, block),
                        percentile(v.nanos, 50) / rawMedian,
                        rate(v, block) / rawRate,
                        perRound[rounds / 2]);
            }
        } finally {
            b.tearDown();
        }
    }

    private static double rate(Variant v, int block) {
        long total = 0;
        for (long n : v.blockNanos) {
            total += n;
        }
        return (double) v.blockNanos.length * block / (total / 1e9);
    }

    private static double percentile(List<Long> values, int p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(sorted.length * p / 100.0))];
    }
}
