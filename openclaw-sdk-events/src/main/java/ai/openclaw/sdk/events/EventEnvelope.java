package ai.openclaw.sdk.events;

import ai.openclaw.sdk.events.internal.Timestamps;
import ai.openclaw.sdk.events.internal.Utf8;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An event as it travels: a CloudEvents 1.0 structured-mode JSON document, the shape Dapr's Redis pub/sub writes.
 *
 * <pre>{@code
 * {"specversion":"1.0","id":"0193...","source":"user-service","type":"user.created",
 *  "time":"2026-11-22T10:00:00Z","datacontenttype":"application/json",
 *  "dataschema":"urn:openclaw:event:user.created:1.0","contractversion":"1.0",
 *  "traceparent":"00-...-...-01","data":{"userId":"u-1", ...}}
 * }</pre>
 *
 * <p>The seed's envelope maps onto it: {@code eventType} is {@code type}, {@code version} is the {@code
 * contractversion} extension, {@code payload} is {@code data}. The ordering key, when there is one, is the CloudEvents
 * partitioning extension {@code partitionkey}. Immutable.
 *
 * <p>Other extension attributes with string values (CloudEvents names: lower-case letters and digits, at most 20) are
 * kept in {@link #extensions()} and written back as they came. Request-reply uses three of them: {@value
 * #CORRELATION_ID} (which conversation an event belongs to), {@value #REPLY_TO} (the stream a reply goes to) and
 * {@value #REPLY_BY} (when the asker stops waiting, RFC 3339).
 *
 * @param id unique, time-sortable
 * @param source the publishing service
 * @param type the event type
 * @param time when it was published
 * @param dataSchema the contract id, when the event has a contract
 * @param contractVersion the contract version, when the event has a contract
 * @param partitionKey the ordering key, if any
 * @param traceParent the W3C {@code traceparent} of the publish span, if tracing is on
 * @param traceState the W3C {@code tracestate}, if any
 * @param data the payload
 * @param extensions the other extension attributes, by name (names are CloudEvents attribute names)
 */
public record EventEnvelope(
        String id,
        String source,
        String type,
        Instant time,
        Optional<String> dataSchema,
        Optional<String> contractVersion,
        Optional<String> partitionKey,
        Optional<String> traceParent,
        Optional<String> traceState,
        JsonNode data,
        Map<String, String> extensions) {
    /** The CloudEvents version written and accepted. */
    public static final String SPEC_VERSION = "1.0";

    /** The extension naming the conversation a request and its reply belong to. */
    public static final String CORRELATION_ID = "correlationid";

    /** The extension of a request naming the stream its reply goes to. */
    public static final String REPLY_TO = "replyto";

    /** The extension of a request (and its reply) saying when the asker stops waiting. */
    public static final String REPLY_BY = "replyby";

    /** The attributes this record has components for: never extensions. */
    private static final java.util.Set<String> ATTRIBUTES = java.util.Set.of(
            "specversion",
            "id",
            "source",
            "type",
            "time",
            "datacontenttype",
            "dataschema",
            "contractversion",
            "partitionkey",
            "traceparent",
            "tracestate",
            "data",
            "data_base64",
            "subject");

    /** An envelope without extension attributes. */
    public EventEnvelope(
            String id,
            String source,
            String type,
            Instant time,
            Optional<String> dataSchema,
            Optional<String> contractVersion,
            Optional<String> partitionKey,
            Optional<String> traceParent,
            Optional<String> traceState,
            JsonNode data) {
        this(
                id,
                source,
                type,
                time,
                dataSchema,
                contractVersion,
                partitionKey,
                traceParent,
                traceState,
                data,
                Map.of());
    }

    /** Validates the components. */
    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dataSchema, "dataSchema");
        Objects.requireNonNull(contractVersion, "contractVersion");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(traceParent, "traceParent");
        Objects.requireNonNull(traceState, "traceState");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(extensions, "extensions");
        if (extensions.isEmpty()) {
            extensions = Map.of(); // the usual envelope: nothing to check or copy
        } else {
            for (String name : extensions.keySet()) {
                if (!isExtensionName(name) || ATTRIBUTES.contains(name)) {
                    throw new IllegalArgumentException("'" + name + "' is not a CloudEvents extension attribute name"
                            + " (lower-case letters and digits, at most 20, not a context attribute)");
                }
            }
            extensions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(extensions));
        }
    }

    /** An extension attribute's value. */
    public Optional<String> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }

    /** This envelope with one more extension attribute (or another value of it). */
    public EventEnvelope withExtension(String name, String value) {
        Map<String, String> more = new java.util.TreeMap<>(extensions);
        more.put(name, Objects.requireNonNull(value, "value"));
        return new EventEnvelope(
                id, source, type, time, dataSchema, contractVersion, partitionKey, traceParent, traceState, data, more);
    }

    /** Whether a name is a CloudEvents attribute name: lower-case ASCII letters and digits, 1 to 20 of them. */
    static boolean isExtensionName(String name) {
        if (name.isEmpty() || name.length() > 20) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** The trace context attributes, as a carrier for propagators. */
    public Map<String, String> traceContext() {
        Map<String, String> out = new LinkedHashMap<>();
        traceParent.ifPresent(v -> out.put("traceparent", v));
        traceState.ifPresent(v -> out.put("tracestate", v));
        return out;
    }

    /** The JSON document, written in one pass (no intermediate tree: publishing writes one per event). */
    public String toJson(ObjectMapper json) {
        Utf8.TextWriter out = Utf8.TextWriter.borrow();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("specversion", SPEC_VERSION);
            g.writeStringField("id", id);
            g.writeStringField("source", source);
            g.writeStringField("type", type);
            g.writeFieldName("time");
            char[] when = out.scratch();
            int length = Timestamps.format(time, when);
            if (length < 0) {
                g.writeString(time.toString());
            } else {
                g.writeString(when, 0, length);
            }
            g.writeStringField("datacontenttype", "application/json");
            if (dataSchema.isPresent()) {
                g.writeStringField("dataschema", dataSchema.get());
            }
            if (contractVersion.isPresent()) {
                g.writeStringField("contractversion", contractVersion.get());
            }
            if (partitionKey.isPresent()) {
                g.writeStringField("partitionkey", partitionKey.get());
            }
            if (traceParent.isPresent()) {
                g.writeStringField("traceparent", traceParent.get());
            }
            if (traceState.isPresent()) {
                g.writeStringField("tracestate", traceState.get());
            }
            if (!extensions.isEmpty()) {
                for (Map.Entry<String, String> e : extensions.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
            }
            g.writeFieldName("data");
            g.writeTree(data);
            g.writeEndObject();
        } catch (IOException e) {
            out.giveBack();
            throw new IllegalStateException("an envelope could not be written as JSON", e);
        } catch (RuntimeException e) {
            out.giveBack(); // a payload that cannot be serialised leaves the writer reusable
            throw e;
        }
        String text = out.toString();
        out.giveBack();
        return text;
    }

    /**
     * Reads a JSON document.
     *
     * @throws MalformedEventException naming what is wrong (never quoting the content)
     */
    public static EventEnvelope parse(@Nullable String text, ObjectMapper json) {
        if (text == null) {
            throw new MalformedEventException("the entry has no 'data' field");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            // the parser's own message quotes the content: the place only
            var at = e.getLocation();
            throw new MalformedEventException("'data' is not JSON"
                    + (at == null ? "" : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("'data' is not a JSON object, so not a CloudEvents envelope");
        }
        String spec = text(node, "specversion");
        if (!SPEC_VERSION.equals(spec)) {
            throw new MalformedEventException("not a CloudEvents 1.0 envelope (its specversion is not 1.0)");
        }
        Instant time;
        JsonNode timeNode = node.get("time");
        if (timeNode != null && !timeNode.isNull() && !timeNode.isTextual()) {
            throw new MalformedEventException("'time' is not an RFC 3339 timestamp string");
        }
        String timeText = optional(node, "time").orElse(null);
        try {
            time = timeText == null ? Instant.EPOCH : Timestamps.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("'time' is not an RFC 3339 timestamp string");
        }
        String contentType = optional(node, "datacontenttype").orElse("application/json");
        if (!contentType.startsWith("application/json") && !contentType.endsWith("+json")) {
            throw new MalformedEventException("'datacontenttype' is not a JSON media type");
        }
        JsonNode data = node.get("data");
        if (data == null) {
            throw new MalformedEventException("the envelope has no 'data'");
        }
        return new EventEnvelope(
                text(node, "id"),
                text(node, "source"),
                text(node, "type"),
                time,
                optional(node, "dataschema"),
                optional(node, "contractversion"),
                optional(node, "partitionkey"),
                optional(node, "traceparent"),
                optional(node, "tracestate"),
                data,
                extensionsOf(node));
    }

    /** The string-valued attributes that are not context attributes, by name; others (numbers, objects) are not kept. */
    private static Map<String, String> extensionsOf(JsonNode node) {
        Map<String, String> out = null;
        for (var it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual() && !ATTRIBUTES.contains(e.getKey()) && isExtensionName(e.getKey())) {
                if (out == null) {
                    out = new java.util.TreeMap<>();
                }
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out == null ? Map.of() : out;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new MalformedEventException("the envelope's required attribute '" + name + "' is missing");
        }
        return v.asText();
    }

    private static Optional<String> optional(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }
}
