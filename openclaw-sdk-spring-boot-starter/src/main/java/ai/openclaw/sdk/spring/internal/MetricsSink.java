package ai.openclaw.sdk.spring.internal;

import io.opentelemetry.api.metrics.MeterProvider;

/** Where the SDK's OpenTelemetry instruments are read into the application's metrics (Micrometer, when it has it). */
public interface MetricsSink {
    /** The meter provider the runtime's instruments are created on. */
    MeterProvider meterProvider();
}
