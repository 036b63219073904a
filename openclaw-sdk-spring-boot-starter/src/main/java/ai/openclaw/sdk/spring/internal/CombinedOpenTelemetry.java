package ai.openclaw.sdk.spring.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;

/** Traces and propagation from one OpenTelemetry, metrics from another meter provider. */
public record CombinedOpenTelemetry(
        TracerProvider tracerProvider, ContextPropagators propagators, MeterProvider meterProvider)
        implements OpenTelemetry {

    /** The traces and propagators of {@code traces}, the meters of {@code meters}. */
    public static OpenTelemetry of(OpenTelemetry traces, MeterProvider meters) {
        return new CombinedOpenTelemetry(traces.getTracerProvider(), traces.getPropagators(), meters);
    }

    @Override
    public TracerProvider getTracerProvider() {
        return tracerProvider;
    }

    @Override
    public MeterProvider getMeterProvider() {
        return meterProvider;
    }

    @Override
    public ContextPropagators getPropagators() {
        return propagators;
    }
}
