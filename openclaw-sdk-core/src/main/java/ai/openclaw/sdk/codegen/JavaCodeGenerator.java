package ai.openclaw.sdk.codegen;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.EventContract;
import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.internal.Names;
import ai.openclaw.sdk.internal.codegen.JavaTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Typed Java code from the contracts, so that a service never hand-writes its payload classes: a record per event
 * contract (JSON Schema), a handler interface per event a service subscribes to, and per HTTP provider it calls a
 * typed client interface (the {@code Http.*} annotations {@code ServiceClient.as} implements) with a record per
 * component schema of the provider's OpenAPI contract.
 *
 * <pre>{@code
 * JavaCodeGenerator generator = JavaCodeGenerator.builder(catalog, contracts)
 *         .packageName("com.example.billing.generated")
 *         .build();
 * generator.forService("billing-service").writeTo(Path.of("target/generated-sources/openclaw"));
 * // com.example.billing.generated.events.UserCreated, UserCreatedHandler, ...
 * // com.example.billing.generated.clients.userservice.UserServiceClient, User, NewUser, ...
 * }</pre>
 *
 * <p>The same from the command line ({@code openclaw generate}) and in a build ({@code openclaw-maven-plugin}, goal
 * {@code generate} in {@code generate-sources}). How schemas map to Java: docs/codegen.md.
 */
public final class JavaCodeGenerator {
    private static final String BODY = "\u0000body\u0000";

    private final ServiceCatalog catalog;
    private final ContractRegistry contracts;
    private final String packageName;

    private JavaCodeGenerator(Builder b) {
        this.catalog = b.catalog;
        this.contracts = b.contracts;
        this.packageName = b.packageName;
    }

    /** A builder over a catalog and its contracts. */
    public static Builder builder(ServiceCatalog catalog, ContractRegistry contracts) {
        return new Builder(catalog, contracts);
    }

    /** The package of the event types: {@code <package>.events}. */
    public String eventsPackage() {
        return packageName + ".events";
    }

    /** The package of a provider's client: {@code <package>.clients.<provider without dashes>}. */
    public String clientPackage(String provider) {
        return packageName + ".clients." + provider.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * Everything {@code service} uses: a record for each event it publishes or subscribes to that has a contract, a
     * handler interface for each it subscribes to, a client for each service it calls over HTTP that has an HTTP
     * contract.
     *
     * @throws CodegenException when the catalog has no such service
     */
    public GeneratedSources forService(String service) {
        ServiceDefinition s = service(service);
        List<SourceFile> files = new ArrayList<>();
        Set<String> events = new TreeSet<>(s.publishes());
        events.addAll(s.subscribes());
        for (String type : events) {
            if (contracts.latestEventContract(type).isPresent()) {
                files.add(eventRecord(type));
                if (s.subscribes().contains(type)) {
                    files.add(handler(service, type));
                }
            }
        }
        Set<String> providers = new TreeSet<>(s.httpTargets());
        for (String provider : providers) {
            if (contracts.httpContract(provider).isPresent()) {
                files.addAll(serviceClient(provider).files());
            }
        }
        return new GeneratedSources(files);
    }

    /**
     * The record of {@code eventType} and the handler interface of {@code service} for it (the seed's {@code openclaw
     * generate event-handler --event user.created --service billing-service}).
     *
     * @throws CodegenException when the service does not subscribe to it, or it has no contract
     */
    public GeneratedSources eventHandler(String service, String eventType) {
        ServiceDefinition s = service(service);
        if (!s.subscribes().contains(eventType)) {
            throw new CodegenException("'" + service + "' does not subscribe to '" + eventType + "' in the catalog"
                    + (s.subscribes().isEmpty()
                            ? ""
                            : "; it subscribes to " + String.join(", ", new TreeSet<>(s.subscribes())))
                    + hint(eventType, s.subscribes()));
        }
        return new GeneratedSources(List.of(eventRecord(eventType), handler(service, eventType)));
    }

    /**
     * The record of an event type, from its newest contract.
     *
     * @throws CodegenException when it has no contract
     */
    public GeneratedSources eventPayload(String eventType) {
        return new GeneratedSources(List.of(eventRecord(eventType)));
    }

    /**
     * The typed client of {@code provider} and a record per component schema of its OpenAPI contract (the seed's
     * {@code openclaw generate service-client}).
     *
     * @throws CodegenException when it has no HTTP contract
     */
    public GeneratedSources serviceClient(String provider) {
        HttpContract contract = contracts
                .httpContract(provider)
                .orElseThrow(() -> new CodegenException(
                        "there is no HTTP contract of '" + provider + "'" + hint(provider, contracts.httpServices())));
        JsonNode doc = contract.document();
        String pkg = clientPackage(provider);
        JsonNode schemas = doc.path("components").path("schemas");
        Function<String, @Nullable String> components = ref -> componentClass(schemas, ref);
        List<SourceFile> files = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = componentClass(schemas, "#/components/schemas/" + e.getKey());
            if (name != null) {
                files.add(component(pkg, provider, name, e.getValue(), doc, components));
            }
        }
        files.add(client(pkg, provider, contract, doc, components));
        return new GeneratedSources(files);
    }

    private ServiceDefinition service(String service) {
        return catalog.find(service)
                .orElseThrow(() -> new CodegenException(
                        "the catalog has no service '" + service + "'" + hint(service, catalog.serviceNames())));
    }

    private static String hint(String name, java.util.Collection<String> names) {
        String near = Names.closest(name, names);
        return near == null ? "" : "; did you mean '" + near + "'?";
    }

    /** The class of a component reference: a record or enum of its own, or null for a schema inlined. */
    private static @Nullable String componentClass(JsonNode schemas, String ref) {
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix)) {
            return null;
        }
        JsonNode s = schemas.path(ref.substring(prefix.length()));
        boolean record = s.path("properties").size() > 0;
        boolean enumeration =
                s.has("enum") && s.get("enum").isArray() && s.get("enum").size() > 0;
        return record || enumeration ? JavaTypes.pascal(ref.substring(prefix.length())) : null;
    }

    private SourceFile eventRecord(String eventType) {
        EventContract contract = contracts
                .latestEventContract(eventType)
                .orElseThrow(() -> new CodegenException("there is no contract of the event '" + eventType + "'"
                        + hint(eventType, contracts.eventTypes())));
        String name = JavaTypes.pascal(eventType);
        JavaTypes types = new JavaTypes(contract.schema(), ref -> null);
        types.reserve(name);
        String version = contract.version().toString();
        String title = "{@code " + JavaTypes.escapeDoc(eventType) + "} " + version + ": "
                + JavaTypes.title(contract.schema(), name);
        String record = types.record(name, contract.schema(), "", true, BODY, title);
        StringBuilder body = new StringBuilder();
        body.append("    /** The event type. */\n")
                .append("    public static final String EVENT_TYPE = \"")
                .append(JavaTypes.escape(eventType))
                .append("\";\n\n")
                .append("    /** The version of the contract this type was generated from. */\n")
                .append("    public static final String CONTRACT_VERSION = \"")
                .append(version)
                .append("\";\n");
        for (String n : types.nested()) {
            body.append('\n').append(n);
        }
        String text = header("the contract " + contract.id() + " (" + eventType + " " + version + ")", eventsPackage())
                + imports(types.imports())
                + record.replace(BODY, body.toString());
        return new SourceFile(eventsPackage(), name, text);
    }

    private SourceFile handler(String service, String eventType) {
        String payload = JavaTypes.pascal(eventType);
        String name = payload + "Handler";
        String text = header("the catalog: " + service + " subscribes to " + eventType, eventsPackage())
                + "import ai.openclaw.sdk.events.EventHandler;\n"
                + "import ai.openclaw.sdk.events.EventSubscriber;\n\n"
                + "/**\n"
                + " * Handles {@code " + JavaTypes.escapeDoc(eventType) + "} events, which " + service
                + " subscribes to.\n"
                + " *\n"
                + " * <pre>{@code\n"
                + " * " + name + " handler = (event, meta) -> ...;\n"
                + " * EventSubscriber subscriber = " + name + ".register(EventSubscriber.builder(\"" + service
                + "\", transport), handler)\n"
                + " *         .build();\n"
                + " * }</pre>\n"
                + " */\n"
                + "@FunctionalInterface\n"
                + "public interface " + name + " extends EventHandler<" + payload + "> {\n"
                + "    /** Registers {@code handler} for {@code " + JavaTypes.escapeDoc(eventType)
                + "} events on {@code subscriber}. */\n"
                + "    static EventSubscriber.Builder register(EventSubscriber.Builder subscriber, " + name
                + " handler) {\n"
                + "        return subscriber.on(" + payload + ".EVENT_TYPE, " + payload + ".class, handler);\n"
                + "    }\n"
                + "}\n";
        return new SourceFile(eventsPackage(), name, text);
    }

    private SourceFile component(
            String pkg,
            String provider,
            String name,
            JsonNode schema,
            JsonNode doc,
            Function<String, @Nullable String> components) {
        JavaTypes types = new JavaTypes(doc, ref -> {
            String c = components.apply(ref);
            return name.equals(c) ? null : c;
        });
        types.reserve(name);
        String text;
        if (schema.path("properties").size() > 0) {
            String record =
                    types.record(name, schema, "", true, BODY, JavaTypes.title(schema, name) + " (" + provider + ")");
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < types.nested().size(); i++) {
                body.append(i == 0 ? "" : "\n").append(types.nested().get(i));
            }
            text = header(provider + "'s OpenAPI contract, components.schemas." + name, pkg)
                    + imports(types.imports())
                    + (body.isEmpty() ? record.replace(BODY, "").replace("{\n}", "{}") : record.replace(BODY, body));
        } else {
            StringBuilder out = new StringBuilder();
            out.append("/** ")
                    .append(JavaTypes.title(schema, name))
                    .append(" (")
                    .append(provider)
                    .append(") */\n");
            out.append("public enum ").append(name).append(" {\n");
            List<String> constants = new ArrayList<>();
            Set<String> used = new java.util.HashSet<>();
            for (JsonNode v : schema.get("enum")) {
                String c = JavaTypes.constant(v.asText());
                while (!used.add(c)) {
                    c = c + "_";
                }
                constants.add("    @JsonProperty(\"" + JavaTypes.escape(v.asText()) + "\")\n    " + c);
            }
            out.append(String.join(",\n", constants)).append('\n').append("}\n");
            text = header(provider + "'s OpenAPI contract, components.schemas." + name, pkg)
                    + "import com.fasterxml.jackson.annotation.JsonProperty;\n\n"
                    + out;
        }
        return new SourceFile(pkg, name, text);
    }

    private SourceFile client(
            String pkg,
            String provider,
            HttpContract contract,
            JsonNode doc,
            Function<String, @Nullable String> components) {
        String name = JavaTypes.pascal(provider) + "Client";
        JavaTypes types = new JavaTypes(doc, components);
        types.reserve(name);
        StringBuilder methods = new StringBuilder();
        Set<String> methodNames = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String verb : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode op = path.getValue().get(verb);
                if (op != null && op.isObject()) {
                    methods.append(method(types, verb, path.getKey(), path.getValue(), op, doc, methodNames));
                }
            }
        }
        StringBuilder body = new StringBuilder();
        body.append("    /** The provider's catalog name. */\n")
                .append("    String SERVICE = \"")
                .append(JavaTypes.escape(provider))
                .append("\";\n")
                .append(methods);
        for (String n : types.nested()) {
            body.append('\n').append(n);
        }
        Set<String> imports = new TreeSet<>(types.imports());
        imports.add("ai.openclaw.sdk.client.Http");
        String text = header(provider + "'s OpenAPI contract (version " + contract.version() + ")", pkg)
                + imports(imports)
                + "/**\n"
                + " * " + provider + "'s API, from its OpenAPI contract (version "
                + JavaTypes.escapeDoc(contract.version())
                + "): {@code ServiceClient.as} implements it, each call checked against the contract.\n"
                + " *\n"
                + " * <pre>{@code\n"
                + " * " + name + " client = clients.client(" + name + ".SERVICE).as(" + name + ".class);\n"
                + " * }</pre>\n"
                + " */\n"
                + "public interface " + name + " {\n"
                + body
                + "}\n";
        return new SourceFile(pkg, name, text);
    }

    private String method(
            JavaTypes types,
            String verb,
            String path,
            JsonNode pathItem,
            JsonNode op,
            JsonNode doc,
            Set<String> methodNames) {
        String operationId = JavaTypes.text(op, "operationId");
        String base = operationId != null ? JavaTypes.identifier(operationId) : JavaTypes.identifier(verb + " " + path);
        String name = base;
        for (int i = 2; !methodNames.add(name); i++) {
            name = base + i;
        }
        String typeHint = JavaTypes.pascal(name);
        List<String> params = new ArrayList<>();
        List<String> docs = new ArrayList<>();
        Set<String> paramNames = new java.util.HashSet<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            JsonNode param = resolve(doc, p);
            String in = JavaTypes.text(param, "in");
            String pname = JavaTypes.text(param, "name");
            if (in == null || pname == null || "cookie".equals(in)) {
                continue;
            }
            boolean required = "path".equals(in) || param.path("required").asBoolean(false);
            String type = types.typeOf(param.path("schema"), JavaTypes.pascal(pname), required);
            String annotation =
                    switch (in) {
                        case "path" -> "@Http.Path(\"" + JavaTypes.escape(pname) + "\")";
                        case "query" -> "@Http.Query(\"" + JavaTypes.escape(pname) + "\")";
                        default -> "@Http.Header(\"" + JavaTypes.escape(pname) + "\")";
                    };
            String id = JavaTypes.identifier(pname);
            while (!paramNames.add(id)) {
                id = id + "_";
            }
            if (!required) {
                types.imports().add("org.jspecify.annotations.Nullable");
            }
            params.add(annotation + (required ? " " : " @Nullable ") + type + " " + id);
            docs.add("@param " + id + " the " + in + " parameter {@code " + JavaTypes.escapeDoc(pname) + "}");
        }
        JsonNode body = resolve(doc, op.path("requestBody")).path("content").path("application/json");
        if (!body.isMissingNode()) {
            String type = types.typeOf(body.path("schema"), typeHint + "Request", true);
            params.add("@Http.Body " + type + " body");
            docs.add("@param body the request body");
        }
        String returns = "void";
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (r.getKey().startsWith("2")) {
                JsonNode content = resolve(doc, r.getValue()).path("content").path("application/json");
                if (!content.isMissingNode()) {
                    returns = types.typeOf(content.path("schema"), typeHint + "Response", true);
                }
                break;
            }
        }
        String summary = JavaTypes.text(op, "summary");
        if (summary == null) {
            summary = JavaTypes.text(op, "description");
        }
        StringBuilder out = new StringBuilder("\n");
        out.append("    /**\n");
        out.append("     * {@code ")
                .append(verb.toUpperCase(Locale.ROOT))
                .append(' ')
                .append(JavaTypes.escapeDoc(path))
                .append("}")
                .append(summary == null ? "." : ": " + JavaTypes.escapeDoc(summary))
                .append('\n');
        if (!docs.isEmpty()) {
            out.append("     *\n");
            docs.forEach(d -> out.append("     * ").append(d).append('\n'));
        }
        out.append("     */\n");
        out.append("    @Http.")
                .append(Character.toUpperCase(verb.charAt(0)))
                .append(verb.substring(1))
                .append("(\"")
                .append(JavaTypes.escape(path))
                .append("\")\n");
        out.append("    ").append(returns).append(' ').append(name).append('(');
        out.append(String.join(", ", params)).append(");\n");
        return out.toString();
    }

    /** A {@code $ref} to a component (parameter, request body, response) resolved in the document. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
            return doc.at(ref.asText().substring(1));
        }
        return node;
    }

    private static String header(String from, String pkg) {
        return "// Generated by OpenClaw from " + from + ". Do not edit: regenerate.\n" + "package " + pkg + ";\n\n";
    }

    private static String imports(Set<String> imports) {
        if (imports.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        imports.forEach(i -> out.append("import ").append(i).append(";\n"));
        return out.append('\n').toString();
    }

    /** Builds a {@link JavaCodeGenerator}. Not thread-safe. */
    public static final class Builder {
        private final ServiceCatalog catalog;
        private final ContractRegistry contracts;
        private String packageName = "openclaw.generated";

        private Builder(ServiceCatalog catalog, ContractRegistry contracts) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            this.contracts = Objects.requireNonNull(contracts, "contracts");
        }

        /** The package the code goes in (default {@code openclaw.generated}); events and clients below it. */
        public Builder packageName(String packageName) {
            if (!packageName.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
                throw new IllegalArgumentException("not a Java package name (lower case, dotted): " + packageName);
            }
            this.packageName = packageName;
            return this;
        }

        /** The generator. */
        public JavaCodeGenerator build() {
            return new JavaCodeGenerator(this);
        }
    }
}
