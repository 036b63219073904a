package ai.openclaw.sdk.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts a span's {@code trace_id} and {@code span_id} in SLF4J's MDC for the duration of a scope, and puts back what
 * was there before, so log lines written inside a handler or a client call can be joined with the trace.
 *
 * <pre>{@code
 * try (Scope s = span.makeCurrent(); TraceMdc m = TraceMdc.of(span)) { ... }
 * }</pre>
 */
public final class TraceMdc implements AutoCloseable {
    /** The MDC key of the trace id (32 hex digits). */
    public static final String TRACE_ID = "trace_id";
    /** The MDC key of the span id (16 hex digits). */
    public static final String SPAN_ID = "span_id";

    private static final TraceMdc NOTHING = new TraceMdc(false, null, null);

    private final boolean set;
    private final @Nullable String previousTrace;
    private final @Nullable String previousSpan;

    private TraceMdc(boolean set, @Nullable String previousTrace, @Nullable String previousSpan) {
        this.set = set;
        this.previousTrace = previousTrace;
        this.previousSpan = previousSpan;
    }

    /** Sets the span's ids; a span that is not valid (no-op OpenTelemetry) leaves the MDC alone. */
    public static TraceMdc of(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return NOTHING;
        }
        TraceMdc scope = new TraceMdc(true, MDC.get(TRACE_ID), MDC.get(SPAN_ID));
        MDC.put(TRACE_ID, context.getTraceId());
        MDC.put(SPAN_ID, context.getSpanId());
        return scope;
    }

    /** Restores the values from before. */
    @Override
    public void close() {
        if (set) {
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
        }
    }

    private static void restore(String key, @Nullable String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
