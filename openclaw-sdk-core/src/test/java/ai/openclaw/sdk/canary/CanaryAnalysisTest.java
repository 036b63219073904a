package ai.openclaw.sdk.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.openclaw.sdk.json.JsonMappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis's rules, one by one, and its statistics against values from the tables. */
class CanaryAnalysisTest {
    private static final CanaryCriteria CRITERIA = CanaryCriteria.defaults();

    private static TrackMetrics track(long requests, long errors, long p95Millis) {
        return new TrackMetrics(
                requests,
                errors,
                Duration.ofMillis(p95Millis / 2),
                Duration.ofMillis(p95Millis),
                Duration.ofMillis(p95Millis * 2));
    }

    private static CanaryVerdict judge(TrackMetrics baseline, TrackMetrics canary, Duration watched) {
        return CanaryAnalysis.analyze(new CanaryObservation("user-service", baseline, canary, watched), CRITERIA);
    }

    @Test
    void theNormalDistributionAndErfcMatchTheTables() {
        assertThat(CanaryAnalysis.erfc(0)).isCloseTo(1.0, within(1e-7));
        assertThat(CanaryAnalysis.erfc(1)).isCloseTo(0.1572992070, within(1e-7));
        assertThat(CanaryAnalysis.erfc(2)).isCloseTo(0.0046777350, within(1e-7));
        assertThat(CanaryAnalysis.erfc(-1)).isCloseTo(1.8427007930, within(1e-7));
        assertThat(CanaryAnalysis.normalCdf(1.6448536)).isCloseTo(0.95, within(1e-6));
        assertThat(CanaryAnalysis.normalCdf(-1.9599640)).isCloseTo(0.025, within(1e-6));
    }

    @Test
    void thePValueIsThatOfThePooledTwoProportionTest() {
        // 10/1000 against 20/1000: pooled 0.015, se = sqrt(0.015 * 0.985 * 0.002) = 0.0054358, z = 1.8397
        assertThat(CanaryAnalysis.pValue(track(1000, 10, 50), track(1000, 20, 50)))
                .isCloseTo(0.0329, within(1e-4));
        assertThat(CanaryAnalysis.pValue(track(1000, 0, 50), track(1000, 0, 50)))
                .isEqualTo(1);
        assertThat(CanaryAnalysis.pValue(track(1000, 20, 50), track(1000, 10, 50)))
                .isGreaterThan(0.9);
        assertThat(CanaryAnalysis.pValue(TrackMetrics.NONE, track(10, 1, 5))).isEqualTo(1);
    }

    @Test
    void tooFewCallsHold_evenWhenTheCanaryFails() {
        CanaryVerdict v = judge(track(5_000, 0, 50), track(40, 40, 50), Duration.ofHours(1));
        assertThat(v.decision()).isEqualTo(CanaryVerdict.Decision.HOLD);
        assertThat(v.reasons())
                .containsExactly(
                        "too few calls to judge: the canary answered 40 and the baseline 5000; each needs 100");
    }

    @Test
    void moreErrorsRollBackOnlyWhenTheIncreaseIsOverTheLimitAndNotLikelyLuck() {
        // +3 points, p < 0.001: rolled back
        CanaryVerdict bad = judge(track(5_000, 50, 50), track(1_000, 40, 50), Duration.ofMinutes(5));
        assertThat(bad.decision()).isEqualTo(CanaryVerdict.Decision.ROLLBACK);
        assertThat(bad.reasons().get(0))
                .isEqualTo("the canary fails more often: 4.00% of calls against the baseline's 1.00% (+3.00 points,"
                        + " over the allowed 1.00; p=0.0000 < 0.05)");
        // +0.5 points: within the limit
        assertThat(judge(track(5_000, 50, 50), track(1_000, 15, 50), Duration.ofHours(1))
                        .decision())
                .isEqualTo(CanaryVerdict.Decision.PROMOTE);
        // +2 points on few calls: over the limit but could be luck (p = 0.11)
        CanaryVerdict unsure = judge(track(100, 1, 50), track(100, 3, 50), Duration.ofHours(1));
        assertThat(unsure.decision()).isEqualTo(CanaryVerdict.Decision.PROMOTE);
        assertThat(unsure.reasons().get(0)).contains("over it, but p=0.").contains("could be luck");
    }

    @Test
    void aSlowerCanaryRollsBack() {
        CanaryVerdict v = judge(track(1_000, 0, 40), track(1_000, 0, 60), Duration.ofMinutes(1));
        assertThat(v.decision()).isEqualTo(CanaryVerdict.Decision.ROLLBACK);
        assertThat(v.latencyRatio()).isCloseTo(1.5, within(1e-9));
        assertThat(v.reasons())
                .containsExactly("the canary is slower: p95 60.0 ms against the baseline's 40.0 ms"
                        + " (x1.50, over the allowed x1.25)");
    }

    @Test
    void withinLimitsItHoldsUntilTheWatchEndsThenPromotes() {
        assertThat(judge(track(1_000, 5, 50), track(1_000, 6, 55), Duration.ofMinutes(10))
                        .reasons())
                .containsExactly("within limits so far, watched 10m of 30m: errors +0.10 points (allowed +1.00),"
                        + " p95 x1.10 (allowed x1.25)");
        CanaryVerdict done = judge(track(1_000, 5, 50), track(1_000, 6, 55), Duration.ofMinutes(30));
        assertThat(done.decision()).isEqualTo(CanaryVerdict.Decision.PROMOTE);
        var json = done.toJson(JsonMappers.standard());
        assertThat(json.get("decision").asText()).isEqualTo("PROMOTE");
        assertThat(json.at("/canary/errors").asLong()).isEqualTo(6);
        assertThat(json.at("/criteria/durationSeconds").asLong()).isEqualTo(1800);
    }

    @Test
    void metricsFromAJsonFileAreReadAndTheirMistakesNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(
                file,
                "{\"observedSeconds\": 1800,"
                        + " \"baseline\": {\"requests\": 9120, \"errors\": 14, \"p50Ms\": 21, \"p95Ms\": 58.5, \"p99Ms\": 97},"
                        + " \"canary\": {\"requests\": 488, \"errors\": 1, \"p50Ms\": 22.4, \"p95Ms\": 60.1, \"p99Ms\": 99.3}}");
        CanaryObservation seen = CanaryMetricsSource.fromJson(file).observe("user-service");
        assertThat(seen.canary().p95()).isEqualTo(Duration.ofNanos(60_100_000));
        assertThat(seen.observedFor()).isEqualTo(Duration.ofMinutes(30));
        assertThat(CanaryAnalysis.analyze(seen, CRITERIA).decision()).isEqualTo(CanaryVerdict.Decision.PROMOTE);

        Files.writeString(
                file,
                "{\"observedSeconds\": 1, \"baseline\": {\"requests\": 1, \"errors\": 0},"
                        + " \"canary\": {\"requests\": 1, \"errors\": \"none\"}}");
        assertThatThrownBy(() -> CanaryMetricsSource.fromJson(file).observe("user-service"))
                .isInstanceOf(CanaryException.class)
                .hasMessage(file + ": /canary/errors must be a number >= 0");
        Files.writeString(file, "{\"observedSeconds\": 1,\n \"baseline\": {");
        assertThatThrownBy(() -> CanaryMetricsSource.fromJson(file).observe("user-service"))
                .hasMessageStartingWith(file + ":2:")
                .hasMessageEndingWith("not JSON");
    }

    @Test
    void criteriaRefuseNonsense() {
        assertThatThrownBy(() -> CanaryCriteria.builder().maxLatencyRatio(0.5).build())
                .hasMessageContaining("maxLatencyRatio must be >= 1");
        assertThatThrownBy(() -> CanaryCriteria.builder().significance(0).build())
                .hasMessageContaining("significance");
        assertThatThrownBy(() -> new TrackMetrics(1, 2, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("errors must be from 0 to requests");
    }
}
