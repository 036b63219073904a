package ai.openclaw.sdk.internal.catalog;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.SourceLocation;
import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.catalog.EventCommunication;
import ai.openclaw.sdk.catalog.HttpCommunication;
import ai.openclaw.sdk.catalog.Lifecycle;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.internal.Names;
import ai.openclaw.sdk.internal.source.SourceDocument;
import ai.openclaw.sdk.internal.source.TreePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one catalog document into service definitions, reporting every problem it meets (it does not stop at the
 * first) with the file location and YAML path. Cross-file checks are {@link CatalogChecks}'.
 */
public final class CatalogParser {
    private static final List<String> ROOT_KEYS = List.of("services");
    private static final List<String> SERVICE_KEYS = List.of(
            "repo",
            "owner",
            "description",
            "endpoints",
            "dependencies",
            "communication",
            "instances",
            "lifecycle",
            "tier",
            "resilience");
    private static final List<String> HTTP_KEYS = List.of("type", "target", "resilience");
    private static final List<String> EVENT_KEYS = List.of("type", "publishes", "subscribes", "accepts");

    /** Service and event names: no spaces, slashes or other punctuation that would not survive a URL or a key. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** What one document declares, and what is wrong with it. */
    /**
     * What a document holds.
     *
     * @param services the services read without error
     * @param declared the name of every service the document declares, those with errors included
     * @param findings what was found
     */
    public record Result(List<ServiceDefinition> services, Set<String> declared, List<Finding> findings) {}

    private final SourceDocument doc;
    private final List<Finding> findings = new ArrayList<>();

    private CatalogParser(SourceDocument doc) {
        this.doc = doc;
    }

    /** Reads the document's services. */
    public static Result parse(SourceDocument doc) {
        CatalogParser parser = new CatalogParser(doc);
        List<ServiceDefinition> services = parser.root();
        Set<String> declared = new LinkedHashSet<>();
        JsonNode all = doc.root().path("services");
        if (all.isObject()) {
            all.fieldNames().forEachRemaining(declared::add);
        }
        return new Result(List.copyOf(services), Set.copyOf(declared), List.copyOf(parser.findings));
    }

    private List<ServiceDefinition> root() {
        for (SourceDocument.DuplicateKey dup : doc.duplicateKeys()) {
            String what = dup.path().matches("services\\.[^.\\[]+|services\\[\"[^]]+\"]")
                    ? "service " + lastKey(dup.path()) + " is declared twice"
                    : "key '" + lastKey(dup.path()) + "' appears twice in one mapping";
            String code = what.startsWith("service") ? "duplicate-service" : "duplicate-key";
            finding(
                    Severity.ERROR,
                    code,
                    dup.second(),
                    dup.path(),
                    what + ": first at " + dup.first() + ", again at " + dup.second());
        }
        JsonNode root = doc.root();
        if (root.isMissingNode() || root.isNull()) {
            error("empty-file", TreePath.ROOT, "the file holds no catalog; it must start with 'services:'");
            return List.of();
        }
        if (!root.isObject()) {
            wrongType(TreePath.ROOT, "a mapping with the key 'services'", root);
            return List.of();
        }
        unknownKeys(root, TreePath.ROOT, ROOT_KEYS);
        JsonNode services = root.get("services");
        if (services == null) {
            error("missing-key", TreePath.ROOT, "no 'services' key: a catalog declares its services under 'services:'");
            return List.of();
        }
        if (services.isNull() || (services.isObject() && services.isEmpty())) {
            warning("invalid-value", "services", "no services are declared");
            return List.of();
        }
        if (!services.isObject()) {
            wrongType("services", "a mapping from service name to its definition", services);
            return List.of();
        }
        List<ServiceDefinition> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : services.properties()) {
            service(e.getKey(), e.getValue()).ifPresent(out::add);
        }
        return out;
    }

    private Optional<ServiceDefinition> service(String name, JsonNode body) {
        String path = TreePath.key("services", name);
        if (!NAME.matcher(name).matches()) {
            keyError("invalid-value", path, "service name '" + name + "' may hold only letters, digits, '.', '_', '-'");
            return Optional.empty();
        }
        if (body.isNull()) {
            keyError("missing-key", path, "service '" + name + "' has no definition; it needs at least an owner");
            return Optional.empty();
        }
        if (!body.isObject()) {
            wrongType(path, "a mapping of the service's keys (owner, repo, ...)", body);
            return Optional.empty();
        }
        unknownKeys(body, path, SERVICE_KEYS);
        int errorsBefore = errorCount();
        ServiceDefinition.Builder b = ServiceDefinition.builder(name).location(doc.keyLocation(path));
        Optional<String> owner = text(body, path, "owner");
        if (owner.isEmpty()) {
            if (!body.has("owner") || body.get("owner").isNull()) {
                keyError("missing-key", path, "service '" + name + "' has no owner; every service needs one");
            }
        } else if (owner.get().isBlank()) {
            error("invalid-value", TreePath.key(path, "owner"), "the owner of '" + name + "' is blank");
        } else {
            b.owner(owner.get());
        }
        text(body, path, "repo").ifPresent(b::repo);
        text(body, path, "description").ifPresent(b::description);
        endpoints(body, path, b);
        for (Item dep : names(body, path, "dependencies", "service")) {
            if (dep.text.equals(name)) {
                warning("self-dependency", dep.path, "service '" + name + "' lists itself as a dependency");
            }
            b.dependsOn(dep.text);
        }
        communication(body, path, b);
        instances(body, path, b);
        text(body, path, "lifecycle").ifPresent(l -> {
            Optional<Lifecycle> lifecycle = Lifecycle.parse(l);
            if (lifecycle.isPresent()) {
                b.lifecycle(lifecycle.get());
            } else {
                error(
                        "invalid-value",
                        TreePath.key(path, "lifecycle"),
                        "unknown lifecycle '" + l + "' (expected experimental, production or deprecated)");
            }
        });
        JsonNode tier = body.get("tier");
        if (tier != null && !tier.isNull()) {
            if (tier.canConvertToInt() && tier.isIntegralNumber() && tier.intValue() >= 1) {
                b.tier(tier.intValue());
            } else {
                error(
                        "invalid-value",
                        TreePath.key(path, "tier"),
                        "tier must be a whole number from 1 (most critical), found " + describe(tier));
            }
        }
        text(body, path, "resilience").ifPresent(b::resiliencePolicy);
        return errorCount() == errorsBefore ? Optional.of(b.build()) : Optional.empty();
    }

    private void endpoints(JsonNode body, String path, ServiceDefinition.Builder b) {
        Set<Endpoint> seen = new HashSet<>();
        for (Item item : strings(body, path, "endpoints")) {
            try {
                Endpoint endpoint = Endpoint.parse(item.text);
                if (!seen.add(endpoint)) {
                    warning("duplicate-entry", item.path, "endpoint '" + endpoint + "' is listed twice");
                } else {
                    b.endpoint(endpoint);
                }
            } catch (IllegalArgumentException e) {
                error("invalid-endpoint", item.path, e.getMessage());
            }
        }
    }

    private void communication(JsonNode body, String path, ServiceDefinition.Builder b) {
        String listPath = TreePath.key(path, "communication");
        JsonNode list = sequence(body, path, "communication");
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String entryPath = TreePath.index(listPath, i);
            if (!entry.isObject()) {
                wrongType(entryPath, "a mapping with a 'type' (http or events)", entry);
                continue;
            }
            Optional<String> type = text(entry, entryPath, "type");
            if (type.isEmpty()) {
                if (!entry.has("type")) {
                    error("missing-key", entryPath, "a communication entry needs a 'type' (http or events)");
                }
                continue;
            }
            switch (type.get()) {
                case "http":
                    unknownKeys(entry, entryPath, HTTP_KEYS);
                    Optional<String> target = text(entry, entryPath, "target");
                    if (target.isEmpty()) {
                        if (!entry.has("target")) {
                            error("missing-key", entryPath, "a 'type: http' entry needs a 'target' service");
                        }
                    } else if (checkName(TreePath.key(entryPath, "target"), target.get(), "service")) {
                        b.communication(HttpCommunication.to(
                                target.get(),
                                text(entry, entryPath, "resilience").orElse(null)));
                    }
                    break;
                case "events":
                    unknownKeys(entry, entryPath, EVENT_KEYS);
                    List<String> publishes = texts(names(entry, entryPath, "publishes", "event"));
                    List<String> subscribes = texts(names(entry, entryPath, "subscribes", "event"));
                    if (publishes.isEmpty() && subscribes.isEmpty()) {
                        warning(
                                "invalid-value",
                                entryPath,
                                "a 'type: events' entry lists neither 'publishes' nor 'subscribes'");
                    }
                    b.communication(
                            new EventCommunication(publishes, subscribes, accepts(entry, entryPath, subscribes)));
                    break;
                default:
                    warning(
                            "invalid-value",
                            TreePath.key(entryPath, "type"),
                            "communication type '" + type.get() + "' is not understood (http or events);"
                                    + " the entry is ignored");
            }
        }
    }

    /** {@code accepts: {event.type: "1.x"}}: versions must parse, event types must be subscribed in the entry. */
    private Map<String, String> accepts(JsonNode entry, String entryPath, List<String> subscribes) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        JsonNode accepts = entry.get("accepts");
        if (accepts == null || accepts.isNull()) {
            return out;
        }
        String acceptsPath = TreePath.key(entryPath, "accepts");
        if (!accepts.isObject()) {
            wrongType(acceptsPath, "a mapping from subscribed event type to accepted versions", accepts);
            return out;
        }
        for (Map.Entry<String, JsonNode> e : accepts.properties()) {
            String at = TreePath.key(acceptsPath, e.getKey());
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                wrongType(at, "accepted versions such as \"1.x\"", e.getValue());
                continue;
            }
            String declared = e.getValue().asText();
            try {
                ai.openclaw.sdk.contract.AcceptedVersions.parse(declared);
            } catch (IllegalArgumentException ex) {
                error("invalid-value", at, ex.getMessage());
                continue;
            }
            if (!subscribes.contains(e.getKey())) {
                warning("invalid-value", at, "'" + e.getKey() + "' is not subscribed to in this entry");
            }
            out.put(e.getKey(), declared);
        }
        return out;
    }

    private void instances(JsonNode body, String path, ServiceDefinition.Builder b) {
        for (Item item : strings(body, path, "instances")) {
            try {
                URI uri = new URI(item.text.strip());
                String scheme = uri.getScheme();
                if (scheme == null
                        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                        || uri.getHost() == null) {
                    error(
                            "invalid-value",
                            item.path,
                            "instance '" + item.text + "' is not an absolute http(s) URL such as http://10.0.0.7:8080");
                } else if (uri.getRawUserInfo() != null) {
                    error("invalid-value", item.path, "an instance URL must not carry credentials");
                } else {
                    b.instance(uri);
                }
            } catch (URISyntaxException e) {
                error("invalid-value", item.path, "instance is not a URL: " + e.getReason());
            }
        }
    }

    private record Item(String text, String path) {}

    private static List<String> texts(List<Item> items) {
        List<String> out = new ArrayList<>();
        for (Item i : items) {
            out.add(i.text);
        }
        return out;
    }

    /** A sequence of names (services or events); checks their form and repetitions. */
    private List<Item> names(JsonNode parent, String parentPath, String key, String kind) {
        List<Item> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item item : strings(parent, parentPath, key)) {
            if (!checkName(item.path, item.text, kind)) {
                continue;
            }
            if (!seen.add(item.text)) {
                warning("duplicate-entry", item.path, kind + " '" + item.text + "' is listed twice");
                continue;
            }
            out.add(item);
        }
        return out;
    }

    private boolean checkName(String path, String name, String kind) {
        if (NAME.matcher(name).matches()) {
            return true;
        }
        error("invalid-value", path, kind + " name '" + name + "' may hold only letters, digits, '.', '_' and '-'");
        return false;
    }

    /** The scalar items of the sequence at {@code parent.key}; absent or empty gives none. */
    private List<Item> strings(JsonNode parent, String parentPath, String key) {
        String listPath = TreePath.key(parentPath, key);
        JsonNode list = sequence(parent, parentPath, key);
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String itemPath = TreePath.index(listPath, i);
            if (item.isValueNode() && !item.isNull()) {
                out.add(new Item(item.asText(), itemPath));
            } else {
                wrongType(itemPath, "a string", item);
            }
        }
        return out;
    }

    private JsonNode sequence(JsonNode parent, String parentPath, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            wrongType(TreePath.key(parentPath, key), "a sequence (a list of '- item' lines)", node);
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        return node;
    }

    /** A scalar's text; YAML numbers and booleans are taken as written. Absent or null gives empty. */
    private Optional<String> text(JsonNode parent, String parentPath, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            wrongType(TreePath.key(parentPath, key), "a string", node);
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private void unknownKeys(JsonNode mapping, String path, List<String> known) {
        for (Iterator<String> it = mapping.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (known.contains(key) || key.startsWith("x-")) {
                continue;
            }
            String suggestion = Names.closest(key, known);
            String keyPath = TreePath.key(path, key);
            finding(
                    Severity.WARNING,
                    "unknown-key",
                    doc.keyLocation(keyPath),
                    keyPath,
                    "unknown key '" + key + "'"
                            + (suggestion != null
                                    ? " (did you mean '" + suggestion + "'?)"
                                    : " (known: " + String.join(", ", known) + "; 'x-' keys are free)"));
        }
    }

    private void wrongType(String path, String expected, JsonNode found) {
        error("wrong-type", path, "expected " + expected + ", found " + describe(found));
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a sequence";
        }
        if (node.isNull()) {
            return "nothing (null)";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        String text = node.asText();
        return "the string '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    private static String lastKey(String path) {
        int bracket = path.lastIndexOf("[\"");
        int dot = path.lastIndexOf('.');
        if (bracket > dot) {
            return "'" + path.substring(bracket + 2, path.length() - 2) + "'";
        }
        return "'" + path.substring(dot + 1) + "'";
    }

    private int errorCount() {
        int n = 0;
        for (Finding f : findings) {
            if (f.isError()) {
                n++;
            }
        }
        return n;
    }

    private void error(String code, String path, String message) {
        finding(Severity.ERROR, code, doc.valueLocation(path), path, message);
    }

    private void keyError(String code, String path, String message) {
        finding(Severity.ERROR, code, doc.keyLocation(path), path, message);
    }

    private void warning(String code, String path, String message) {
        finding(Severity.WARNING, code, doc.valueLocation(path), path, message);
    }

    private Finding finding(Severity severity, String code, @Nullable SourceLocation at, String path, String message) {
        Finding f = new Finding(severity, code, message, Optional.ofNullable(at), path);
        findings.add(f);
        return f;
    }
}
