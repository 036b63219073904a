package ai.openclaw.sdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the median of each benchmark's measurement iterations from a JMH JSON result file, and the ratio of each
 * {@code sdk*} benchmark to the {@code raw*} benchmark of the same class: the figures BENCHMARKS.md quotes. Medians,
 * because these machines are noisy and a mean follows the outliers.
 *
 * <pre>{@code
 * java -jar openclaw-sdk-benchmarks/target/benchmarks.jar Catalog -rf json -rff catalog.json
 * java -cp openclaw-sdk-benchmarks/target/benchmarks.jar ai.openclaw.sdk.benchmarks.Medians catalog.json
 * }</pre>
 */
public final class Medians {
    private Medians() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Medians JMH_RESULT.json");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(new File(args[0]));
        // by mode (thrpt, avgt, ss, sample), then by benchmark: the same benchmark may run in several modes
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (JsonNode b : results) {
            String mode = b.get("mode").asText();
            String name = b.get("benchmark").asText() + (b.has("params") ? " " + b.get("params") : "");
            JsonNode metric = b.get("primaryMetric");
            double median;
            int n;
            String extra = "";
            if (mode.equals("sample")) {
                // every sampled call of every fork: JMH's percentiles are over all of them
                median = metric.get("scorePercentiles").get("50.0").asDouble();
                n = 0;
                for (JsonNode fork : metric.get("rawDataHistogram")) {
                    for (JsonNode iteration : fork) {
                        for (JsonNode bucket : iteration) {
                            n += bucket.get(1).asInt();
                        }
                    }
                }
                extra = String.format(
                        ", p90 %.6g, p99 %.6g",
                        metric.get("scorePercentiles").get("90.0").asDouble(),
                        metric.get("scorePercentiles").get("99.0").asDouble());
            } else {
                List<Double> values = new ArrayList<>();
                for (JsonNode fork : metric.get("rawData")) {
                    fork.forEach(v -> values.add(v.asDouble()));
                }
                Collections.sort(values);
                n = values.size();
                median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
            }
            medians.computeIfAbsent(mode, k -> new LinkedHashMap<>()).put(name, median);
            units.put(mode + name, metric.get("scoreUnit").asText());
            System.out.printf(
                    "%-80s %-6s median %14.6g %s%s (n=%d)%n", name, mode, median, units.get(mode + name), extra, n);
        }
        medians.forEach((mode, byName) -> byName.forEach((name, value) -> {
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (!simple.startsWith("sdk")) {
                return;
            }
            String prefix = name.substring(0, name.lastIndexOf('.') + 1);
            String twin = prefix + "raw" + simple.substring(3);
            byName.forEach((other, raw) -> {
                String otherSimple = other.substring(other.lastIndexOf('.') + 1);
                // the raw twin (sdkX and rawX) and its variants (rawX_what), or else every raw benchmark of the class
                boolean pairs = byName.containsKey(twin)
                        ? other.equals(twin) || other.startsWith(twin + "_")
                        : other.startsWith(prefix) && otherSimple.startsWith("raw");
                if (!pairs) {
                    return;
                }
                if (mode.equals("sample")) {
                    System.out.printf(
                            "%s vs %s: SDK median latency at %.2fx the raw library's%n",
                            simple, otherSimple, value / raw);
                } else {
                    boolean throughput = units.get(mode + name).startsWith("ops");
                    double ratio = throughput ? value / raw : raw / value;
                    System.out.printf(
                            "%s vs %s: SDK at %.2fx the raw library's %s%n",
                            simple, otherSimple, ratio, throughput ? "throughput" : "speed (time ratio inverted)");
                }
            });
        }));
    }
}
