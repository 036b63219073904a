package ai.openclaw.sdk.canary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A canary analysis's decision and the numbers behind it.
 *
 * <pre>{@code
 * CanaryVerdict v = CanaryAnalysis.analyze(observation, criteria);
 * switch (v.decision()) {
 *     case PROMOTE -> rollOut();
 *     case HOLD -> keepWatching();
 *     case ROLLBACK -> discovery.canary("user-service", CanarySplit.NONE);
 * }
 * System.out.println(v.toText());
 * }</pre>
 *
 * @param decision what to do
 * @param reasons why, one sentence each, the deciding one first
 * @param observation what was seen
 * @param criteria what it was judged by
 * @param errorRateIncrease the canary's error rate minus the baseline's
 * @param pValue the one-sided p-value that the canary fails more often than the baseline (1 when it cannot be told)
 * @param latencyRatio the canary's p95 latency over the baseline's (0 when the baseline has none)
 */
public record CanaryVerdict(
        Decision decision,
        List<String> reasons,
        CanaryObservation observation,
        CanaryCriteria criteria,
        double errorRateIncrease,
        double pValue,
        double latencyRatio) {
    /** What to do with a canary. */
    public enum Decision {
        /** The canary is as good as the baseline over the whole watch: roll it out. */
        PROMOTE,
        /** Not enough seen yet, or the watch is not over: keep the split and look again. */
        HOLD,
        /** The canary fails more often or answers slower than allowed: send it no more calls. */
        ROLLBACK
    }

    /** Validates the components. */
    public CanaryVerdict {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(criteria, "criteria");
    }

    /** The verdict as lines of text: the decision, the reasons, the numbers of each track. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("verdict: ")
                .append(decision)
                .append(" (")
                .append(observation.service())
                .append(")\n");
        for (String r : reasons) {
            out.append("  - ").append(r).append('\n');
        }
        out.append(String.format(
                Locale.ROOT,
                "  %-9s %9s %7s %8s %9s %9s %9s%n",
                "track",
                "requests",
                "errors",
                "rate",
                "p50",
                "p95",
                "p99"));
        row(out, "baseline", observation.baseline());
        row(out, "canary", observation.canary());
        out.append(String.format(
                Locale.ROOT,
                "  observed %s of %s; error rate %+.2f points (p=%.3f); p95 x%.2f%n",
                human(observation.observedFor()),
                human(criteria.duration()),
                errorRateIncrease * 100,
                pValue,
                latencyRatio));
        return out.toString();
    }

    private static void row(StringBuilder out, String track, TrackMetrics m) {
        out.append(String.format(
                Locale.ROOT,
                "  %-9s %9d %7d %7.2f%% %9s %9s %9s%n",
                track,
                m.requests(),
                m.errors(),
                m.errorRate() * 100,
                millis(m.p50()),
                millis(m.p95()),
                millis(m.p99())));
    }

    private static String millis(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.1fms", d.toNanos() / 1e6);
    }

    static String human(java.time.Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        if (d.toSeconds() < 60) {
            String s = String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
            return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "s";
        }
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + "h";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    /** The verdict as a JSON object (what {@code openclaw deploy canary --format json} prints). */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("service", observation.service());
        root.put("decision", decision.name());
        reasons.forEach(root.putArray("reasons")::add);
        root.set("baseline", track(json, observation.baseline()));
        root.set("canary", track(json, observation.canary()));
        root.put("observedSeconds", observation.observedFor().toMillis() / 1000.0);
        root.put("errorRateIncrease", errorRateIncrease);
        root.put("pValue", pValue);
        root.put("latencyRatio", latencyRatio);
        ObjectNode c = root.putObject("criteria");
        c.put("durationSeconds", criteria.duration().toSeconds());
        c.put("minRequests", criteria.minRequests());
        c.put("maxErrorRateIncrease", criteria.maxErrorRateIncrease());
        c.put("significance", criteria.significance());
        c.put("maxLatencyRatio", criteria.maxLatencyRatio());
        return root;
    }

    private static ObjectNode track(ObjectMapper json, TrackMetrics m) {
        ObjectNode t = json.createObjectNode();
        t.put("requests", m.requests());
        t.put("errors", m.errors());
        t.put("errorRate", m.errorRate());
        t.put("p50Ms", m.p50().toNanos() / 1e6);
        t.put("p95Ms", m.p95().toNanos() / 1e6);
        t.put("p99Ms", m.p99().toNanos() / 1e6);
        return t;
    }
}
