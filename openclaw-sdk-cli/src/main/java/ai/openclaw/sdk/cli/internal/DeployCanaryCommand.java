package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.canary.CanaryAnalysis;
import ai.openclaw.sdk.canary.CanaryCriteria;
import ai.openclaw.sdk.canary.CanaryException;
import ai.openclaw.sdk.canary.CanaryMetricsSource;
import ai.openclaw.sdk.canary.CanaryPlan;
import ai.openclaw.sdk.canary.CanaryVerdict;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.discovery.CanarySplit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openclaw deploy canary --service S --percentage P [--duration 30m] [--metrics FILE]}. */
@Command(
        name = "canary",
        mixinStandardHelpOptions = true,
        description = {
            "A canary of one service: the plan (where to route the share, what to watch, how to promote or roll back)",
            "and, given the calls of each track (--metrics FILE), the verdict: promote, hold or roll back, with the",
            "numbers behind it. Exit 0 for a plan or PROMOTE, 1 for ROLLBACK, 4 for HOLD, 2 on bad usage."
        })
final class DeployCanaryCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalogOptions;

    @Mixin
    FormatOptions formatOptions;

    @Option(names = "--service", paramLabel = "NAME", required = true, description = "The service.")
    String service;

    @Option(
            names = "--percentage",
            paramLabel = "PERCENT",
            required = true,
            description = "The canary's share of calls, 0 to 100.")
    double percentage;

    @Option(names = "--sticky", description = "Keep each caller key on one track.")
    boolean sticky;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "30m",
            description = "How long the canary is watched before it may be promoted (30m, 1h, PT45M). Default:"
                    + " ${DEFAULT-VALUE}")
    String duration;

    @Option(
            names = "--metrics",
            paramLabel = "FILE",
            description = "The calls of each track, as JSON: {observedSeconds, baseline: {requests, errors, p50Ms,"
                    + " p95Ms, p99Ms}, canary: {...}}. With it, the verdict.")
    Path metrics;

    @Option(
            names = "--min-requests",
            paramLabel = "N",
            description = "Calls each track must have answered before the canary is judged. Default: 100")
    long minRequests = CanaryCriteria.DEFAULT_MIN_REQUESTS;

    @Option(
            names = "--max-error-increase",
            paramLabel = "POINTS",
            description = "Percentage points the canary's error rate may exceed the baseline's. Default: 1")
    double maxErrorIncrease = CanaryCriteria.DEFAULT_MAX_ERROR_RATE_INCREASE * 100;

    @Option(
            names = "--max-latency-ratio",
            paramLabel = "RATIO",
            description = "How many times the baseline's p95 latency the canary's may be. Default: 1.25")
    double maxLatencyRatio = CanaryCriteria.DEFAULT_MAX_LATENCY_RATIO;

    @Override
    public Integer call() {
        ServiceCatalog catalog = catalogOptions.load();
        Duration watch;
        try {
            watch = OpenClawSettings.parseDuration(duration);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--duration " + duration + ": " + e.getMessage());
        }
        CanaryCriteria criteria;
        CanarySplit split;
        try {
            criteria = CanaryCriteria.builder()
                    .duration(watch)
                    .minRequests(minRequests)
                    .maxErrorRateIncrease(maxErrorIncrease / 100)
                    .maxLatencyRatio(maxLatencyRatio)
                    .build();
            split = new CanarySplit(percentage, sticky);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        CanaryPlan plan;
        CanaryVerdict verdict = null;
        try {
            plan = CanaryPlan.of(catalog, service, split, criteria);
            if (metrics != null) {
                verdict = CanaryAnalysis.analyze(
                        CanaryMetricsSource.fromJson(metrics).observe(service), criteria);
            }
        } catch (CanaryException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        Output out = formatOptions.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.set("plan", plan.toJson(ai.openclaw.sdk.json.JsonMappers.standard()));
            if (verdict != null) {
                root.set("verdict", verdict.toJson(ai.openclaw.sdk.json.JsonMappers.standard()));
            }
            out.print(root);
        } else {
            plan.toText().lines().forEach(out::line);
            if (verdict != null) {
                verdict.toText().lines().forEach(out::line);
            }
        }
        if (verdict == null) {
            return ExitCode.OK;
        }
        return switch (verdict.decision()) {
            case PROMOTE -> ExitCode.OK;
            case HOLD -> ExitCode.HOLD;
            case ROLLBACK -> ExitCode.FINDINGS;
        };
    }
}
