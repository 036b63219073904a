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
        Map<String, Double> medians = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (JsonNode b : results) {
            String name = b.get("benchmark").asText();
            String params = b.has("params") ? " " + b.get("params") : "";
            List<Double> values = new ArrayList<>();
            for (JsonNode fork : b.get("primaryMetric").get("rawData")) {
                fork.forEach(v -> values.add(v.asDouble()));
            }
            Collections.sort(values);
            int n = values.size();
            double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
            medians.put(name + params, median);
            units.put(name + params, b.get("primaryMetric").get("scoreUnit").asText());
            System.out.printf("%-80s median %14.3f %s (n=%d)%n", name + params, median, units.get(name + params), n);
        }
        medians.forEach((name, value) -> {
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (!simple.startsWith("sdk")) {
                return;
            }
            String prefix = name.substring(0, name.lastIndexOf('.') + 1);
            String twin = prefix + "raw" + simple.substring(3);
            medians.forEach((other, raw) -> {
                String otherSimple = other.substring(other.lastIndexOf('.') + 1);
                boolean pairs = medians.containsKey(twin)
                        ? other.equals(twin)
                        : other.startsWith(prefix) && otherSimple.startsWith("raw");
                if (pairs) {
                    boolean throughput = units.get(name).startsWith("ops");
                    double ratio = throughput ? value / raw : raw / value;
                    System.out.printf(
                            "%s vs %s: SDK at %.2fx the raw library's %s%n",
                            simple, otherSimple, ratio, throughput ? "throughput" : "speed (time ratio inverted)");
                }
            });
        });
    }
}
