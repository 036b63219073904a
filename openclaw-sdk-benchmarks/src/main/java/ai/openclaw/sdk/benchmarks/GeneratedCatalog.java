package ai.openclaw.sdk.benchmarks;

import java.util.Random;

/**
 * A generated catalog of many services, shaped like a real one: 50 teams, three endpoints each, up to three declared
 * dependencies and one HTTP target on earlier services (so no call cycles), two published event types, and
 * subscriptions to events of earlier services. Deterministic for a given size.
 */
final class GeneratedCatalog {
    private GeneratedCatalog() {}

    static String yaml(int services) {
        Random random = new Random(42);
        StringBuilder y = new StringBuilder(services * 600).append("services:\n");
        for (int i = 0; i < services; i++) {
            String name = "svc-" + i;
            y.append("  ").append(name).append(":\n");
            y.append("    repo: my-org/").append(name).append('\n');
            y.append("    owner: team-").append(i % 50).append('\n');
            y.append("    description: Generated service number ").append(i).append('\n');
            y.append("    lifecycle: production\n");
            y.append("    endpoints:\n");
            y.append("      - GET /").append(name).append("/items/:id\n");
            y.append("      - POST /").append(name).append("/items\n");
            y.append("      - DELETE /").append(name).append("/items/{id}\n");
            if (i > 0) {
                y.append("    dependencies:\n");
                int deps = Math.min(i, 3);
                java.util.Set<Integer> chosen = new java.util.TreeSet<>();
                while (chosen.size() < deps) {
                    chosen.add(earlier(random, i));
                }
                for (int d : chosen) {
                    y.append("      - svc-").append(d).append('\n');
                }
            }
            y.append("    communication:\n");
            if (i > 0) {
                y.append("      - type: http\n        target: svc-")
                        .append(earlier(random, i))
                        .append('\n');
            }
            y.append("      - type: events\n        publishes:\n");
            y.append("          - svc-").append(i).append(".created\n");
            y.append("          - svc-").append(i).append(".deleted\n");
            if (i > 0) {
                y.append("        subscribes:\n");
                y.append("          - svc-").append(earlier(random, i)).append(".created\n");
                int other = earlier(random, i);
                y.append("          - svc-").append(other).append(".deleted\n");
            }
        }
        return y.toString();
    }

    /** An earlier service, skewed towards the first ones, as real systems have a few core services. */
    private static int earlier(Random random, int i) {
        double skew = random.nextDouble();
        return (int) (skew * skew * i);
    }
}
