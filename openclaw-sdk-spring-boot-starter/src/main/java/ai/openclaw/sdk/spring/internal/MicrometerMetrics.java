package ai.openclaw.sdk.spring.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's OpenTelemetry instruments read into a Micrometer registry: a metric reader collects them every few seconds
 * (cumulative), and each series becomes the Micrometer meter that reads its latest value: a monotonic sum a function
 * counter, any other sum or gauge a gauge, a histogram in seconds a function timer (count and total). Names are kept
 * ({@code openclaw.client.requests}), attributes become tags.
 */
public final class MicrometerMetrics implements MetricsSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetrics.class);

    private final MeterRegistry registry;
    private final SdkMeterProvider provider;
    private final Reader reader = new Reader();
    private final Map<Series, Cell> values = new ConcurrentHashMap<>();
    private final ScheduledExecutorService collector;

    public MicrometerMetrics(MeterRegistry registry, Duration interval) {
        this.registry = registry;
        this.provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
        this.collector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openclaw-micrometer-metrics");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(100, interval.toMillis());
        collector.scheduleWithFixedDelay(this::collect, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public MeterProvider meterProvider() {
        return provider;
    }

    /** Reads every instrument now, adding a meter for each series not seen before. */
    public synchronized void collect() {
        try {
            read();
        } catch (RuntimeException e) {
            // the collector keeps running: a registry refusing one meter must not end the others' updates
            LOG.warn("reading the SDK's metrics into Micrometer failed: {}", e.toString());
        }
    }

    private void read() {
        CollectionRegistration registration = reader.registration;
        if (registration == null) {
            return;
        }
        for (MetricData metric : registration.collectAllMetrics()) {
            switch (metric.getType()) {
                case LONG_SUM ->
                    metric.getLongSumData()
                            .getPoints()
                            .forEach(p -> record(
                                    metric,
                                    p,
                                    p.getValue(),
                                    metric.getLongSumData().isMonotonic()));
                case DOUBLE_SUM ->
                    metric.getDoubleSumData()
                            .getPoints()
                            .forEach(p -> record(
                                    metric,
                                    p,
                                    p.getValue(),
                                    metric.getDoubleSumData().isMonotonic()));
                case LONG_GAUGE ->
                    metric.getLongGaugeData().getPoints().forEach(p -> record(metric, p, p.getValue(), false));
                case DOUBLE_GAUGE ->
                    metric.getDoubleGaugeData().getPoints().forEach(p -> record(metric, p, p.getValue(), false));
                case HISTOGRAM -> metric.getHistogramData().getPoints().forEach(p -> histogram(metric, p));
                default -> {
                    // exponential histograms and summaries: the SDK records none
                }
            }
        }
    }

    private void record(MetricData metric, PointData point, double value, boolean monotonic) {
        Series series = new Series(metric.getName(), point.getAttributes());
        Cell cell = values.get(series);
        if (cell != null) {
            cell.value = value;
            return;
        }
        Cell created = new Cell(value, 0);
        values.put(series, created); // kept even when the registry refuses the meter: refused once, not each time
        register(series, () -> {
            if (monotonic) {
                FunctionCounter.builder(metric.getName(), created, c -> c.value)
                        .description(metric.getDescription())
                        .baseUnit(unit(metric))
                        .tags(tags(point.getAttributes()))
                        .register(registry);
            } else {
                Gauge.builder(metric.getName(), created, c -> c.value)
                        .description(metric.getDescription())
                        .baseUnit(unit(metric))
                        .tags(tags(point.getAttributes()))
                        .register(registry);
            }
        });
    }

    private void histogram(MetricData metric, HistogramPointData point) {
        Series series = new Series(metric.getName(), point.getAttributes());
        Cell cell = values.get(series);
        if (cell != null) {
            cell.value = point.getCount();
            cell.sum = point.getSum();
            return;
        }
        Cell created = new Cell(point.getCount(), point.getSum());
        values.put(series, created);
        register(series, () -> {
            if ("s".equals(metric.getUnit())) {
                FunctionTimer.builder(metric.getName(), created, c -> (long) c.value, c -> c.sum, TimeUnit.SECONDS)
                        .description(metric.getDescription())
                        .tags(tags(point.getAttributes()))
                        .register(registry);
            } else {
                FunctionCounter.builder(metric.getName() + ".count", created, c -> c.value)
                        .description(metric.getDescription())
                        .tags(tags(point.getAttributes()))
                        .register(registry);
                FunctionCounter.builder(metric.getName() + ".sum", created, c -> c.sum)
                        .description(metric.getDescription())
                        .baseUnit(unit(metric))
                        .tags(tags(point.getAttributes()))
                        .register(registry);
            }
        });
    }

    /** A registry may refuse a meter (Prometheus: other tag keys under one name); the others still go in. */
    private void register(Series series, Runnable registration) {
        try {
            registration.run();
        } catch (RuntimeException e) {
            LOG.warn("the meter {} {} is not in Micrometer: {}", series.name(), series.attributes(), e.getMessage());
        }
    }

    /** OpenTelemetry's annotations such as {@code {request}} are no unit to Micrometer. */
    private static @Nullable String unit(MetricData metric) {
        String unit = metric.getUnit();
        return unit == null || unit.isEmpty() || unit.startsWith("{") || unit.equals("1") ? null : unit;
    }

    private static List<Tag> tags(Attributes attributes) {
        List<Tag> tags = new ArrayList<>();
        attributes.forEach((key, value) -> tags.add(Tag.of(key.getKey(), String.valueOf(value))));
        return tags;
    }

    @Override
    public void close() {
        collector.shutdownNow();
        provider.close();
    }

    private record Series(String name, Attributes attributes) {}

    /** A series' latest value (a histogram's count) and, for a histogram, its sum; written by the collector. */
    private static final class Cell {
        volatile double value;
        volatile double sum;

        Cell(double value, double sum) {
            this.value = value;
            this.sum = sum;
        }
    }

    private static final class Reader implements MetricReader {
        volatile @Nullable CollectionRegistration registration;

        @Override
        public void register(CollectionRegistration registration) {
            this.registration = registration;
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode forceFlush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
