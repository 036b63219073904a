package ai.openclaw.sdk.testing.kit;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.discovery.InstanceSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Every instance source the SDK ships passes the discovery conformance kit. */
class BuiltInInstanceSourcesConformanceTest {
    private static String joined(List<URI> uris) {
        return uris.stream().map(URI::toString).collect(Collectors.joining(","));
    }

    @Nested
    class FixedMap extends InstanceSourceConformanceKit {
        @Override
        protected InstanceSource newSource(Map<String, List<URI>> placements) {
            return InstanceSource.of(placements);
        }
    }

    @Nested
    class SystemProperties extends InstanceSourceConformanceKit {
        @Override
        protected InstanceSource newSource(Map<String, List<URI>> placements) {
            Properties properties = new Properties();
            placements.forEach((s, uris) -> properties.setProperty("openclaw.service." + s + ".url", joined(uris)));
            return InstanceSource.systemProperties(properties);
        }
    }

    @Nested
    class EnvironmentVariables extends InstanceSourceConformanceKit {
        @Override
        protected InstanceSource newSource(Map<String, List<URI>> placements) {
            Map<String, String> env = new HashMap<>();
            placements.forEach((s, uris) -> env.put(
                    "OPENCLAW_SERVICE_" + s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_URL",
                    joined(uris)));
            return InstanceSource.environment(env);
        }
    }

    @Nested
    class CatalogInstances extends InstanceSourceConformanceKit {
        @TempDir
        Path dir;

        @Override
        protected InstanceSource newSource(Map<String, List<URI>> placements) {
            StringBuilder yaml = new StringBuilder("services:\n");
            placements.forEach((s, uris) -> {
                yaml.append("  ")
                        .append(s)
                        .append(":\n")
                        .append("    repo: my-org/")
                        .append(s)
                        .append('\n')
                        .append("    owner: team-test\n")
                        .append("    description: placed for the conformance kit\n")
                        .append("    instances:\n");
                uris.forEach(u -> yaml.append("      - ").append(u).append('\n'));
            });
            try {
                Path file = dir.resolve("services.yaml");
                Files.writeString(file, yaml);
                return InstanceSource.catalog(ServiceCatalog.load(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
