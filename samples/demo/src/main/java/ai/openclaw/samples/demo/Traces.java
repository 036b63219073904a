package ai.openclaw.samples.demo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's OpenTelemetry: the SDK (the services use the API only; an application brings the SDK), W3C propagation,
 * and an exporter that keeps finished spans so that the demo can draw a trace as a tree.
 */
final class Traces implements SpanExporter {
    private static final AttributeKey<String> PEER_SERVICE = AttributeKey.stringKey("peer.service");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");

    private final List<SpanData> spans = new ArrayList<>();
    final OpenTelemetrySdk sdk;

    Traces() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(this))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        spans.addAll(batch);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** The trace of the first finished span that matches, as the spans finished so far. */
    synchronized List<SpanData> trace(String traceId) {
        return spans.stream()
                .filter(s -> s.getTraceId().equals(traceId))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
    }

    /** The trace drawn as a tree, one line per span: the service, the kind, the span's name, its duration. */
    static List<String> draw(List<SpanData> trace, String root) {
        Map<String, SpanData> byId = new HashMap<>();
        trace.forEach(s -> byId.put(s.getSpanId(), s));
        Map<String, String> services = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (SpanData s : trace) {
            Optional<SpanData> parent = Optional.ofNullable(byId.get(s.getParentSpanId()));
            String service =
                    switch (s.getKind()) {
                        case SERVER ->
                            parent.filter(p -> p.getKind() == SpanKind.CLIENT)
                                    .map(p -> p.getAttributes().get(PEER_SERVICE))
                                    .orElse("?");
                        case CONSUMER ->
                            Optional.ofNullable(s.getAttributes().get(GROUP)).orElse("?");
                        default ->
                            parent.map(p -> services.getOrDefault(p.getSpanId(), "?"))
                                    .orElse(root);
                    };
            services.put(s.getSpanId(), service);
            int depth = 0;
            for (SpanData p = byId.get(s.getParentSpanId()); p != null; p = byId.get(p.getParentSpanId())) {
                depth++;
            }
            double ms = (s.getEndEpochNanos() - s.getStartEpochNanos()) / 1e6;
            lines.add("  ".repeat(depth + 1)
                    + String.format("%-20s %-8s %-38s %6.1f ms", service, s.getKind(), s.getName(), ms));
        }
        return lines;
    }
}
