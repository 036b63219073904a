package ai.openclaw.sdk.testing.catalog;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Catalogs for tests: built in code, or the service's real {@code .openclaw/services.yaml}. A catalog built in code is
 * written as YAML in the seed's format and loaded by the real loader, so it is validated exactly like a file (an
 * unknown dependency or an event nobody publishes is reported the same way).
 *
 * <pre>{@code
 * ServiceCatalog catalog = TestCatalog.builder()
 *         .service("user-service", s -> s.owner("team-identity")
 *                 .endpoints("POST /users", "GET /users/:id")
 *                 .callsHttp("billing-service")
 *                 .publishes("user.created"))
 *         .service("billing-service", s -> s.owner("team-payments").subscribes("user.created"))
 *         .build();
 *
 * ServiceCatalog real = TestCatalog.load();   // the nearest .openclaw/services.yaml, from the working directory up
 * }</pre>
 */
public final class TestCatalog {
    private final Map<String, Service> services = new LinkedHashMap<>();

    private TestCatalog() {}

    /** A builder. */
    public static TestCatalog builder() {
        return new TestCatalog();
    }

    /**
     * The nearest {@code .openclaw/services.yaml} from the working directory up (a module's tests run in the module's
     * folder; the catalog usually sits at the repository's root).
     *
     * @throws IllegalStateException when there is none
     */
    public static ServiceCatalog load() {
        return load(Path.of(""));
    }

    /**
     * The nearest {@code .openclaw/services.yaml} from {@code start} up.
     *
     * @throws IllegalStateException when there is none
     */
    public static ServiceCatalog load(Path start) {
        Path dir = start.toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path file = d.resolve(".openclaw").resolve("services.yaml");
            if (Files.isRegularFile(file)) {
                return ServiceCatalog.load(file);
            }
        }
        throw new IllegalStateException("no .openclaw/services.yaml in " + dir + " or any folder above it");
    }

    /** One service of a catalog built in code. */
    public static final class Service {
        private String owner = "team-test";
        private String repo;
        private String description = "a service of a test catalog";
        private final List<String> endpoints = new ArrayList<>();
        private final List<String> dependencies = new ArrayList<>();
        private final List<String> httpTargets = new ArrayList<>();
        private final List<String> publishes = new ArrayList<>();
        private final List<String> subscribes = new ArrayList<>();
        private final List<String> instances = new ArrayList<>();

        private Service(String name) {
            this.repo = "test-org/" + name;
        }

        /** The owning team; default {@code team-test}. */
        public Service owner(String owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        /** The repository; default {@code test-org/<name>}. */
        public Service repo(String repo) {
            this.repo = Objects.requireNonNull(repo, "repo");
            return this;
        }

        /** The description. */
        public Service description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Endpoints such as {@code GET /users/:id}. */
        public Service endpoints(String... endpoints) {
            this.endpoints.addAll(List.of(endpoints));
            return this;
        }

        /** Services this one depends on. */
        public Service dependsOn(String... services) {
            dependencies.addAll(List.of(services));
            return this;
        }

        /** HTTP calls to other services (also listed as dependencies). */
        public Service callsHttp(String... targets) {
            for (String t : targets) {
                httpTargets.add(t);
                if (!dependencies.contains(t)) {
                    dependencies.add(t);
                }
            }
            return this;
        }

        /** Event types this service publishes. */
        public Service publishes(String... eventTypes) {
            publishes.addAll(List.of(eventTypes));
            return this;
        }

        /** Event types this service subscribes to. */
        public Service subscribes(String... eventTypes) {
            subscribes.addAll(List.of(eventTypes));
            return this;
        }

        /** Base URLs for discovery (the catalog's {@code instances} extension). */
        public Service instances(String... urls) {
            instances.addAll(List.of(urls));
            return this;
        }
    }

    /** Adds a service, described by {@code details}. */
    public TestCatalog service(String name, Consumer<Service> details) {
        Objects.requireNonNull(name, "name");
        Service s = new Service(name);
        details.accept(s);
        services.put(name, s);
        return this;
    }

    /** Adds a service with defaults only. */
    public TestCatalog service(String name) {
        return service(name, s -> {});
    }

    /** The catalog as {@code .openclaw/services.yaml} would hold it. */
    public String toYaml() {
        StringBuilder y = new StringBuilder("services:\n");
        services.forEach((name, s) -> {
            y.append("  ").append(name).append(":\n");
            y.append("    repo: ").append(quoted(s.repo)).append('\n');
            y.append("    owner: ").append(quoted(s.owner)).append('\n');
            y.append("    description: ").append(quoted(s.description)).append('\n');
            list(y, "endpoints", s.endpoints, "    ");
            list(y, "dependencies", s.dependencies, "    ");
            list(y, "instances", s.instances, "    ");
            if (!s.httpTargets.isEmpty() || !s.publishes.isEmpty() || !s.subscribes.isEmpty()) {
                y.append("    communication:\n");
                s.httpTargets.forEach(t -> y.append("      - type: http\n        target: ")
                        .append(quoted(t))
                        .append('\n'));
                if (!s.publishes.isEmpty()) {
                    y.append("      - type: events\n");
                    list(y, "publishes", s.publishes, "        ");
                }
                if (!s.subscribes.isEmpty()) {
                    y.append("      - type: events\n");
                    list(y, "subscribes", s.subscribes, "        ");
                }
            }
        });
        return y.toString();
    }

    private static void list(StringBuilder y, String key, List<String> values, String indent) {
        if (values.isEmpty()) {
            return;
        }
        y.append(indent).append(key).append(":\n");
        values.forEach(v -> y.append(indent).append("  - ").append(quoted(v)).append('\n'));
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Loads the catalog through the real loader (a temporary file, deleted afterwards).
     *
     * @throws ai.openclaw.sdk.catalog.CatalogException with the loader's findings when it is not valid
     */
    public ServiceCatalog build() {
        try {
            Path dir = Files.createTempDirectory("openclaw-test-catalog");
            Path file = dir.resolve("services.yaml");
            try {
                Files.writeString(file, toYaml());
                return ServiceCatalog.load(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a test catalog", e);
        }
    }
}
