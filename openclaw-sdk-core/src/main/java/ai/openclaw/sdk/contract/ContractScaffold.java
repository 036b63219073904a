package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The seed's {@code contracts init}: a contract to complete for every event and every service with endpoints in the
 * catalog that has none yet. Existing files are never touched.
 *
 * <pre>{@code
 * List<Path> written = ContractScaffold.of(catalog).writeMissing(Path.of("contracts"));
 * }</pre>
 *
 * <p>An event gets {@code events/<type>/1.0.schema.json}: a closed object with no properties yet, so that adding
 * optional properties later is BACKWARD compatible. A service gets {@code http/<service>.openapi.yaml} with one
 * operation per catalog endpoint, its path parameters declared, and a response for the team to describe.
 */
public final class ContractScaffold {
    private final ServiceCatalog catalog;

    private ContractScaffold(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    /** A scaffold for a catalog. */
    public static ContractScaffold of(ServiceCatalog catalog) {
        return new ContractScaffold(Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * Writes the contracts that are missing under {@code contractsDirectory}.
     *
     * @return the files written, in order; empty when nothing was missing
     */
    public List<Path> writeMissing(Path contractsDirectory) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (String event : new TreeSet<>(catalog.eventTypes())) {
            Path dir = contractsDirectory.resolve("events").resolve(event);
            if (!hasDocuments(dir)) {
                files.put(dir.resolve("1.0.schema.json"), eventSchema(event));
            }
        }
        for (ServiceDefinition s : catalog.services().values()) {
            if (s.endpoints().isEmpty()) {
                continue;
            }
            Path http = contractsDirectory.resolve("http");
            boolean exists = false;
            for (String name : List.of(".openapi.yaml", ".openapi.yml", ".openapi.json", ".yaml", ".yml", ".json")) {
                exists |= Files.exists(http.resolve(s.name() + name));
            }
            if (!exists) {
                files.put(http.resolve(s.name() + ".openapi.yaml"), openApi(s));
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> f : files.entrySet()) {
                Files.createDirectories(f.getKey().getParent());
                Files.writeString(f.getKey(), f.getValue(), StandardCharsets.UTF_8);
                written.add(f.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(written);
    }

    private static boolean hasDocuments(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("\\d+\\.\\d+(\\.schema)?\\.(json|ya?ml)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String eventSchema(String event) {
        String publishers = String.join(", ", catalog.publishersOf(event));
        return "{\n"
                + "  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
                + "  \"$id\": \"urn:openclaw:event:" + event + ":1.0\",\n"
                + "  \"title\": \"" + event + "\",\n"
                + "  \"description\": \"TODO: the payload of " + event
                + (publishers.isEmpty() ? "" : ", published by " + publishers) + "\",\n"
                + "  \"type\": \"object\",\n"
                + "  \"additionalProperties\": false,\n"
                + "  \"required\": [],\n"
                + "  \"properties\": {}\n"
                + "}\n";
    }

    private static String openApi(ServiceDefinition s) {
        StringBuilder y = new StringBuilder();
        y.append("openapi: 3.1.0\n");
        y.append("info:\n  title: ").append(s.name()).append("\n  version: \"1.0\"\n");
        s.description().ifPresent(d -> y.append("  description: \"")
                .append(d.replace("\"", "'"))
                .append("\"\n"));
        y.append("paths:\n");
        Map<String, List<Endpoint>> byPath = new LinkedHashMap<>();
        s.endpoints().forEach(e -> byPath.computeIfAbsent(e.pathTemplate(), p -> new ArrayList<>())
                .add(e));
        for (Map.Entry<String, List<Endpoint>> path : byPath.entrySet()) {
            y.append("  \"").append(path.getKey()).append("\":\n");
            List<String> variables = path.getValue().get(0).pathVariables();
            if (!variables.isEmpty()) {
                y.append("    parameters:\n");
                for (String v : variables) {
                    y.append("      - name: ")
                            .append(v)
                            .append("\n        in: path\n        required: true\n")
                            .append("        schema:\n          type: string\n");
                }
            }
            for (Endpoint e : path.getValue()) {
                y.append("    ")
                        .append(e.method().name().toLowerCase(Locale.ROOT))
                        .append(":\n");
                y.append("      summary: \"TODO: ").append(e).append("\"\n");
                y.append("      responses:\n        \"200\":\n          description: TODO describe the response\n");
            }
        }
        return y.toString();
    }
}
