package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.SourceLocation;
import ai.openclaw.sdk.Validation;
import ai.openclaw.sdk.internal.catalog.CatalogParser;
import ai.openclaw.sdk.internal.contract.OpenApi;
import ai.openclaw.sdk.internal.contract.Schemas;
import ai.openclaw.sdk.internal.source.ClasspathTree;
import ai.openclaw.sdk.internal.source.SourceDocument;
import ai.openclaw.sdk.internal.source.SourceSyntaxException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a contracts directory. Immutable and thread-safe.
 *
 * <pre>
 * contracts/
 *   events/
 *     user.created/                 one directory per event type
 *       1.0.schema.json             one JSON Schema (2020-12) per version: MAJOR.MINOR[.schema].json|yaml|yml
 *       1.1.schema.json
 *       samples/1.0/welcome.json    optional recorded or sample payloads of a version
 *   http/
 *     user-service.openapi.yaml     one OpenAPI 3.0/3.1 document per providing service: NAME[.openapi].yaml|yml|json
 * </pre>
 *
 * <pre>{@code
 * Validation<ContractRegistry> v = ContractLoader.defaults().validate(Path.of("contracts"));
 * v.findings().forEach(System.err::println); // contracts/events/user.created/1.0.schema.json:7:15: error: ...
 * }</pre>
 *
 * <p>Every event schema is checked against the JSON Schema meta-schema and compiled; every OpenAPI document is checked
 * for its version, its paths and that each {@code $ref} resolves (to the document itself or to another file under the
 * contracts directory; nothing is ever fetched from the network). Each finding names the file, line and column and the
 * JSON pointer.
 */
public final class ContractLoader {
    private static final ContractLoader DEFAULTS = new ContractLoader();

    private ContractLoader() {}

    /** The loader. */
    public static ContractLoader defaults() {
        return DEFAULTS;
    }

    /**
     * Loads a contracts directory.
     *
     * @throws ContractException listing every error with its location
     */
    public ContractRegistry load(Path contractsDirectory) {
        return validate(contractsDirectory).resultOrThrow();
    }

    /** Reads and checks a contracts directory without throwing for what it finds. */
    public Validation<ContractRegistry> validate(Path contractsDirectory) {
        Objects.requireNonNull(contractsDirectory, "contractsDirectory");
        return new Reading(contractsDirectory, Path::toString).run();
    }

    /**
     * Loads a contracts directory from the class path, for a service shipped as one jar: {@code
     * ContractLoader.defaults().loadFromClasspath("contracts")} reads {@code src/main/resources/contracts} once
     * packaged. Findings name each file {@code classpath:contracts/...}.
     *
     * @throws ContractException when there is no such directory, or listing every error with its location
     */
    public ContractRegistry loadFromClasspath(String directory) {
        return validateFromClasspath(directory, ClasspathTree.defaultLoader()).resultOrThrow();
    }

    /** Reads and checks a contracts directory on the class path of {@code loader}. */
    public Validation<ContractRegistry> validateFromClasspath(String directory, ClassLoader loader) {
        Optional<ClasspathTree> found = ClasspathTree.open(directory, loader);
        if (found.isEmpty()) {
            return new Validation<>(
                    List.of(),
                    List.of(new Finding(
                            Severity.ERROR,
                            "unreadable-file",
                            "classpath:" + directory + ": no contracts directory on the class path",
                            Optional.empty(),
                            "")),
                    null,
                    ContractException::new);
        }
        try (ClasspathTree tree = found.get()) {
            Validation<ContractRegistry> read = new Reading(tree.root(), tree::label).run();
            return new Validation<>(List.of(), read.findings(), read.result().orElse(null), ContractException::new);
        }
    }

    /**
     * Reads one contract file: an OpenAPI document when it has an {@code openapi} (or {@code swagger}) key, a JSON
     * Schema otherwise. References resolve to files in the same directory tree.
     */
    public Validation<ContractFile> read(Path file) {
        Objects.requireNonNull(file, "file");
        Path dir = file.toAbsolutePath().getParent();
        Reading reading = new Reading(dir, Path::toString);
        Optional<SourceDocument> doc = reading.parse(file);
        ContractFile result = null;
        if (doc.isPresent()) {
            JsonNode root = doc.get().root();
            if (root.has("openapi") || root.has("swagger")) {
                Map<String, HttpContract> http = new TreeMap<>();
                reading.readHttp(file, http);
                result = http.isEmpty()
                        ? null
                        : new ContractFile.OpenApi(
                                file, http.values().iterator().next());
            } else if (reading.checkSchema(doc.get())) {
                result = new ContractFile.Schema(file, root);
            }
        }
        List<Finding> findings = reading.findings;
        return new Validation<>(
                List.of(file),
                findings,
                findings.stream().anyMatch(Finding::isError) ? null : result,
                ContractException::new);
    }

    /** One reading of one directory. */
    private static final class Reading {
        private final Path root;
        /** What findings call a file: its path, or {@code classpath:...} for one read from the class path. */
        private final Function<Path, String> names;

        final List<Finding> findings = new ArrayList<>();
        private final List<Path> files = new ArrayList<>();
        private final Map<String, String> jsonByUri = new ConcurrentHashMap<>();
        private final SchemaRegistry registry;

        Reading(Path root, Function<Path, String> names) {
            this.root = root;
            this.names = names;
            this.registry = Schemas.jsonSchema(this::resource);
        }

        Validation<ContractRegistry> run() {
            if (!Files.isDirectory(root)) {
                findings.add(unreadable(
                        root,
                        "no contracts directory (looked at "
                                + root.toAbsolutePath().normalize() + ")"));
                return result(null);
            }
            Map<String, NavigableMap<ContractVersion, EventContract>> events = new TreeMap<>();
            List<EventSample> samples = new ArrayList<>();
            Path eventsDir = root.resolve("events");
            if (Files.isDirectory(eventsDir)) {
                for (Path typeDir : list(eventsDir)) {
                    if (Files.isDirectory(typeDir)) {
                        readEventType(typeDir, events, samples);
                    }
                }
            }
            Map<String, HttpContract> http = new TreeMap<>();
            Path httpDir = root.resolve("http");
            if (Files.isDirectory(httpDir)) {
                for (Path file : list(httpDir)) {
                    if (Files.isRegularFile(file) && isDocument(file)) {
                        readHttp(file, http);
                    }
                }
            }
            if (findings.stream().anyMatch(Finding::isError)) {
                return result(null);
            }
            List<Finding> warnings = findings.stream().filter(f -> !f.isError()).collect(Collectors.toList());
            return result(new ContractRegistry(events, http, samples, warnings));
        }

        private Validation<ContractRegistry> result(@Nullable ContractRegistry registry) {
            return new Validation<>(files, findings, registry, ContractException::new);
        }

        private void readEventType(
                Path typeDir,
                Map<String, NavigableMap<ContractVersion, EventContract>> events,
                List<EventSample> samples) {
            String type = typeDir.getFileName().toString();
            if (!CatalogParser.NAME.matcher(type).matches()) {
                findings.add(unreadable(typeDir, "'" + type + "' is not an event type name"));
                return;
            }
            Map<ContractVersion, Path> seen = new HashMap<>();
            for (Path file : list(typeDir)) {
                if (Files.isDirectory(file) && file.getFileName().toString().equals("samples")) {
                    readSamples(type, file, samples);
                    continue;
                }
                if (!Files.isRegularFile(file) || !isDocument(file)) {
                    continue;
                }
                String base = baseName(file).replaceFirst("\\.schema$", "");
                if (!ContractVersion.isVersion(base)) {
                    findings.add(Finding.of(
                            Severity.ERROR,
                            "invalid-file-name",
                            new SourceLocation(names.apply(file), 1, 1),
                            "",
                            "an event contract's file is named after its version, MAJOR.MINOR[.schema].json|yaml"
                                    + " (such as 1.0.schema.json), not '" + file.getFileName() + "'"));
                    continue;
                }
                ContractVersion version = ContractVersion.parse(base);
                Path earlier = seen.put(version, file);
                if (earlier != null) {
                    findings.add(Finding.of(
                            Severity.ERROR,
                            "duplicate-contract",
                            new SourceLocation(names.apply(file), 1, 1),
                            "",
                            type + " " + version + " is defined twice: " + names.apply(earlier) + " and "
                                    + names.apply(file)));
                    continue;
                }
                readEventContract(type, version, file).ifPresent(c -> {
                    events.computeIfAbsent(type, t -> new TreeMap<>()).put(version, c);
                    JsonNode examples = c.schema().path("examples");
                    for (int i = 0; i < examples.size(); i++) {
                        samples.add(new EventSample(
                                type, version, examples.get(i), c.location().orElseThrow()));
                    }
                });
            }
        }

        private Optional<EventContract> readEventContract(String type, ContractVersion version, Path file) {
            Optional<SourceDocument> doc = parse(file);
            if (doc.isEmpty() || !checkSchema(doc.get())) {
                return Optional.empty();
            }
            try {
                return Optional.of(EventContract.compile(
                        type, version, doc.get().root(), new SourceLocation(names.apply(file), 1, 1), registry));
            } catch (IllegalArgumentException e) {
                error(doc.get(), "invalid-schema", "", e.getMessage());
                return Optional.empty();
            }
        }

        /** Checks a schema document against the meta-schema; false (with findings) when it is not a valid schema. */
        boolean checkSchema(SourceDocument doc) {
            JsonNode schema = doc.root();
            if (!(schema.isObject() || schema.isBoolean())) {
                error(doc, "invalid-schema", "", "a JSON Schema is an object (or true/false)");
                return false;
            }
            String dialect = Schemas.dialectOf(schema);
            if (dialect == null) {
                error(
                        doc,
                        "schema-dialect",
                        "/$schema",
                        "unknown JSON Schema dialect " + schema.path("$schema").asText() + " (known: "
                                + String.join(", ", Schemas.dialectNames()) + ")");
                return false;
            }
            if (!schema.has("$schema")) {
                warnLaterKeywords(doc, schema, "");
            }
            List<Error> errors = metaSchema(dialect).validate(Schemas.canonical(schema));
            // the meta-schema's anyOf branches report one problem several times: keep one per place
            java.util.Set<String> reported = new java.util.HashSet<>();
            for (Error e : errors) {
                String pointer = e.getInstanceLocation().toString();
                if (reported.add(pointer)) {
                    error(doc, "invalid-schema", pointer, "not a valid JSON Schema: " + e.getMessage());
                }
            }
            return errors.isEmpty();
        }

        private Schema metaSchema(String dialect) {
            Schema meta = registry.getSchema(SchemaLocation.of(dialect));
            meta.initializeValidators();
            return meta;
        }

        /**
         * A document without {@code $schema} is read as draft-07, where keywords of later drafts constrain nothing:
         * each one found is a warning, so that a schema written for 2020-12 is not silently looser than meant.
         */
        private static final java.util.Set<String> SCHEMA_MAPS =
                java.util.Set.of("properties", "patternProperties", "$defs", "definitions", "dependencies");

        private static final java.util.Set<String> DATA_KEYWORDS =
                java.util.Set.of("enum", "const", "default", "examples", "example");

        private void warnLaterKeywords(SourceDocument doc, JsonNode node, String pointer) {
            if (node.isObject()) {
                for (var it = node.fields(); it.hasNext(); ) {
                    var field = it.next();
                    String at = pointer + "/" + Schemas.escape(field.getKey());
                    if (Schemas.LATER_KEYWORDS.contains(field.getKey())) {
                        findings.add(Finding.of(
                                Severity.WARNING,
                                "schema-dialect",
                                doc.pointerLocation(at),
                                at,
                                "no $schema, so the schema is read as " + Schemas.dialectName(Schemas.DEFAULT_DIALECT)
                                        + ", which has no '" + field.getKey() + "': it constrains nothing; declare"
                                        + " \"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
                    }
                    String key = field.getKey();
                    if (SCHEMA_MAPS.contains(key) && field.getValue().isObject()) {
                        // names of properties or definitions, not keywords: look into their schemas only
                        for (var entries = field.getValue().fields(); entries.hasNext(); ) {
                            var entry = entries.next();
                            warnLaterKeywords(doc, entry.getValue(), at + "/" + Schemas.escape(entry.getKey()));
                        }
                    } else if (!DATA_KEYWORDS.contains(key)) {
                        warnLaterKeywords(doc, field.getValue(), at);
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    warnLaterKeywords(doc, node.get(i), pointer + "/" + i);
                }
            }
        }

        private void readSamples(String type, Path samplesDir, List<EventSample> samples) {
            for (Path versionDir : list(samplesDir)) {
                String name = versionDir.getFileName().toString();
                if (!Files.isDirectory(versionDir) || !ContractVersion.isVersion(name)) {
                    findings.add(Finding.of(
                            Severity.WARNING,
                            "invalid-file-name",
                            new SourceLocation(names.apply(versionDir), 1, 1),
                            "",
                            "samples are kept in a directory per version, samples/MAJOR.MINOR/*.json"));
                    continue;
                }
                for (Path file : list(versionDir)) {
                    if (Files.isRegularFile(file) && isDocument(file)) {
                        parse(file)
                                .ifPresent(doc -> samples.add(new EventSample(
                                        type,
                                        ContractVersion.parse(name),
                                        doc.root(),
                                        new SourceLocation(names.apply(file), 1, 1))));
                    }
                }
            }
        }

        void readHttp(Path file, Map<String, HttpContract> http) {
            String service = baseName(file).replaceFirst("\\.openapi$", "");
            Optional<SourceDocument> doc = parse(file);
            if (doc.isEmpty()) {
                return;
            }
            String uri = uriOf(file);
            jsonByUri.put(uri, doc.get().root().toString());
            OpenApi.Result result = OpenApi.read(doc.get(), doc.get().root(), uri, this::resource);
            findings.addAll(result.findings());
            if (result.document() != null) {
                if (http.containsKey(service)) {
                    error(doc.get(), "duplicate-contract", "", "a second HTTP contract for " + service);
                } else {
                    http.put(service, new HttpContract(service, result.document()));
                }
            }
        }

        /** The JSON text of a contract file, by the URI the validator knows it by; null for anything else. */
        private @Nullable String resource(String uri) {
            if (!uri.startsWith(OpenApi.BASE)) {
                return null;
            }
            String cached = jsonByUri.get(uri);
            if (cached != null) {
                return cached;
            }
            Path file = root.resolve(uri.substring(OpenApi.BASE.length())).normalize();
            if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                return null;
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                JsonNode node = file.toString().endsWith(".json")
                        ? SourceDocument.parseJson(names.apply(file), text).root()
                        : SourceDocument.parseYaml(names.apply(file), text).root();
                String json = node.toString();
                jsonByUri.put(uri, json);
                return json;
            } catch (IOException | SourceSyntaxException e) {
                return null;
            }
        }

        private String uriOf(Path file) {
            return OpenApi.BASE
                    + root.normalize().relativize(file.normalize()).toString().replace('\\', '/');
        }

        Optional<SourceDocument> parse(Path file) {
            files.add(file);
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return Optional.of(
                        file.toString().endsWith(".json")
                                ? SourceDocument.parseJson(names.apply(file), text)
                                : SourceDocument.parseYaml(names.apply(file), text));
            } catch (SourceSyntaxException e) {
                findings.add(Finding.of(Severity.ERROR, "syntax", e.location(), "", e.problem()));
            } catch (IOException e) {
                findings.add(unreadable(file, "cannot be read: " + e));
            }
            return Optional.empty();
        }

        private void error(SourceDocument doc, String code, String pointer, String message) {
            findings.add(Finding.of(Severity.ERROR, code, doc.pointerLocation(pointer), pointer, message));
        }

        private List<Path> list(Path dir) {
            try (Stream<Path> s = Files.list(dir)) {
                return s.sorted(Comparator.comparing(Path::toString)).collect(Collectors.toList());
            } catch (IOException e) {
                findings.add(unreadable(dir, "cannot be listed: " + e.getMessage()));
                return List.of();
            }
        }

        private static boolean isDocument(Path file) {
            String n = file.getFileName().toString();
            return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
        }

        private static String baseName(Path file) {
            String n = file.getFileName().toString();
            return n.substring(0, n.lastIndexOf('.'));
        }

        private Finding unreadable(Path path, String message) {
            return new Finding(
                    Severity.ERROR, "unreadable-file", names.apply(path) + ": " + message, Optional.empty(), "");
        }
    }
}
