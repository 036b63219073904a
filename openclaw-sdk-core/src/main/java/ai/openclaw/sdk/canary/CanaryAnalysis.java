package ai.openclaw.sdk.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Judges a canary against its baseline: promote, hold or roll back, with the numbers behind the decision.
 *
 * <pre>{@code
 * CanaryObservation seen = discovery.observe("user-service");   // or any CanaryMetricsSource
 * CanaryVerdict verdict = CanaryAnalysis.analyze(seen, CanaryCriteria.defaults());
 * }</pre>
 *
 * <p>The rules, in order (docs/canary.md):
 *
 * <ol>
 *   <li>Either track has answered fewer than {@code minRequests} calls: <b>hold</b>, nothing can be told yet.
 *   <li>The canary's error rate exceeds the baseline's by more than {@code maxErrorRateIncrease}, and a one-sided
 *       two-proportion z-test puts the chance of that by luck below {@code significance}: <b>roll back</b>.
 *   <li>The canary's p95 latency is more than {@code maxLatencyRatio} times the baseline's: <b>roll back</b>.
 *   <li>Within limits but watched for less than {@code duration}: <b>hold</b>.
 *   <li>Otherwise: <b>promote</b>.
 * </ol>
 */
public final class CanaryAnalysis {
    private CanaryAnalysis() {}

    /** The verdict on what was seen, by the criteria. */
    public static CanaryVerdict analyze(CanaryObservation seen, CanaryCriteria criteria) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(criteria, "criteria");
        TrackMetrics b = seen.baseline();
        TrackMetrics c = seen.canary();
        double increase = c.errorRate() - b.errorRate();
        double p = pValue(b, c);
        double latency =
                b.p95().isZero() ? 0 : (double) c.p95().toNanos() / b.p95().toNanos();
        List<String> reasons = new ArrayList<>();
        if (c.requests() < criteria.minRequests() || b.requests() < criteria.minRequests()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "too few calls to judge: the canary answered %d and the baseline %d; each needs %d",
                    c.requests(),
                    b.requests(),
                    criteria.minRequests()));
            return new CanaryVerdict(CanaryVerdict.Decision.HOLD, reasons, seen, criteria, increase, p, latency);
        }
        boolean errors = increase > criteria.maxErrorRateIncrease() && p < criteria.significance();
        boolean slow = latency > criteria.maxLatencyRatio();
        if (errors) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "the canary fails more often: %.2f%% of calls against the baseline's %.2f%% (+%.2f points, over"
                            + " the allowed %.2f; p=%.4f < %.2f)",
                    c.errorRate() * 100,
                    b.errorRate() * 100,
                    increase * 100,
                    criteria.maxErrorRateIncrease() * 100,
                    p,
                    criteria.significance()));
        }
        if (slow) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "the canary is slower: p95 %.1f ms against the baseline's %.1f ms (x%.2f, over the allowed x%.2f)",
                    c.p95().toNanos() / 1e6,
                    b.p95().toNanos() / 1e6,
                    latency,
                    criteria.maxLatencyRatio()));
        }
        if (errors || slow) {
            return new CanaryVerdict(CanaryVerdict.Decision.ROLLBACK, reasons, seen, criteria, increase, p, latency);
        }
        String within = String.format(
                Locale.ROOT,
                "errors %+.2f points (allowed +%.2f%s), p95 x%.2f (allowed x%.2f)",
                increase * 100,
                criteria.maxErrorRateIncrease() * 100,
                increase > criteria.maxErrorRateIncrease()
                        ? String.format(Locale.ROOT, "; over it, but p=%.3f could be luck", p)
                        : "",
                latency,
                criteria.maxLatencyRatio());
        if (seen.observedFor().compareTo(criteria.duration()) < 0) {
            reasons.add("within limits so far, watched " + CanaryVerdict.human(seen.observedFor()) + " of "
                    + CanaryVerdict.human(criteria.duration()) + ": " + within);
            return new CanaryVerdict(CanaryVerdict.Decision.HOLD, reasons, seen, criteria, increase, p, latency);
        }
        reasons.add("within limits over the whole watch: " + within);
        return new CanaryVerdict(CanaryVerdict.Decision.PROMOTE, reasons, seen, criteria, increase, p, latency);
    }

    /**
     * The one-sided p-value of "the canary fails more often than the baseline" from a pooled two-proportion z-test: 1
     * when there is nothing to compare or no variation.
     */
    static double pValue(TrackMetrics baseline, TrackMetrics canary) {
        long nb = baseline.requests();
        long nc = canary.requests();
        if (nb == 0 || nc == 0) {
            return 1;
        }
        double pooled = (double) (baseline.errors() + canary.errors()) / (nb + nc);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nb + 1.0 / nc));
        double diff = canary.errorRate() - baseline.errorRate();
        if (se == 0) {
            return diff > 0 ? 0 : 1;
        }
        return 1 - normalCdf(diff / se);
    }

    /** The standard normal distribution function. */
    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * The complementary error function, by the Chebyshev fit in Press et al., Numerical Recipes (2nd ed., 6.2):
     * relative error below 1.2e-7 everywhere.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
