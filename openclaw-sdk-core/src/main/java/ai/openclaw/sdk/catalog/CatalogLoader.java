package ai.openclaw.sdk.catalog;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.Validation;
import ai.openclaw.sdk.internal.catalog.CatalogChecks;
import ai.openclaw.sdk.internal.catalog.CatalogParser;
import ai.openclaw.sdk.internal.source.ClasspathTree;
import ai.openclaw.sdk.internal.source.SourceDocument;
import ai.openclaw.sdk.internal.source.SourceSyntaxException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and validates catalog files. Immutable and thread-safe; build one with {@link #builder()} or take {@link
 * #defaults()}.
 *
 * <p>Several files merge into one catalog: pass several paths, or a directory, whose {@code *.yaml} and {@code *.yml}
 * files (not those of sub-directories) are read in name order. A service declared in two places is an error naming
 * both. Every finding names the file, line, column and YAML path; validation goes on past the first problem.
 *
 * <pre>{@code
 * CatalogLoader loader = CatalogLoader.builder().strict(true).build();
 * ServiceCatalog catalog = loader.load(Path.of(".openclaw/services.yaml"), Path.of("catalog.d"));
 * }</pre>
 *
 * <p>In strict mode every warning is an error, as a compiler's {@code -Werror} makes it: references to services the
 * catalog does not declare, cycles of synchronous dependencies, unknown keys and communication types, a service
 * depending on itself, events nobody publishes. By default they are warnings.
 */
public final class CatalogLoader {
    /** The largest catalog file read, in bytes. */
    public static final long DEFAULT_MAX_FILE_BYTES = 8L * 1024 * 1024;

    private static final CatalogLoader DEFAULTS = builder().build();

    private final boolean strict;
    private final long maxFileBytes;

    private CatalogLoader(Builder b) {
        this.strict = b.strict;
        this.maxFileBytes = b.maxFileBytes;
    }

    /** A lenient loader with the default limits. */
    public static CatalogLoader defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this loader's settings. */
    public Builder toBuilder() {
        return new Builder().strict(strict).maxFileBytes(maxFileBytes);
    }

    /** Whether every warning is an error. */
    public boolean isStrict() {
        return strict;
    }

    /**
     * Loads a catalog.
     *
     * @param paths catalog files, or directories of them
     * @return the catalog; its warnings are in {@link ServiceCatalog#warnings()}
     * @throws CatalogException when a file cannot be read or the catalog has errors
     */
    public ServiceCatalog load(Path... paths) {
        return validate(paths).resultOrThrow();
    }

    /**
     * Reads and checks catalog files without throwing for what it finds.
     *
     * @param paths catalog files, or directories of them
     * @return every finding, and the catalog when there was no error
     */
    public Validation<ServiceCatalog> validate(Path... paths) {
        Objects.requireNonNull(paths, "paths");
        if (paths.length == 0) {
            throw new IllegalArgumentException("paths must name at least one catalog file or directory");
        }
        List<Finding> findings = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            expand(Objects.requireNonNull(p, "path"), Path::toString, files, findings);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path file : files) {
            read(file, file.toString(), findings).ifPresent(text -> sources.put(file.toString(), text));
        }
        return check(files, sources, findings);
    }

    /**
     * Loads a catalog from the class path, for a service shipped as one jar.
     *
     * <pre>{@code
     * ServiceCatalog catalog = CatalogLoader.defaults().loadFromClasspath(".openclaw/services.yaml");
     * }</pre>
     *
     * @param name a catalog file or a directory of them on the class path of the current thread's context class
     *     loader; findings name its files {@code classpath:<name>...}
     * @throws CatalogException when there is no such resource or the catalog has errors
     */
    public ServiceCatalog loadFromClasspath(String name) {
        return validateFromClasspath(name, ClasspathTree.defaultLoader()).resultOrThrow();
    }

    /** Reads and checks a catalog file, or a directory of them, on the class path of {@code loader}. */
    public Validation<ServiceCatalog> validateFromClasspath(String name, ClassLoader loader) {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Optional<ClasspathTree> found = ClasspathTree.open(name, loader);
        if (found.isEmpty()) {
            findings.add(unreadable("classpath:" + name, "no such resource on the class path"));
            return check(List.of(), sources, findings);
        }
        try (ClasspathTree tree = found.get()) {
            List<Path> files = new ArrayList<>();
            expand(tree.root(), tree::label, files, findings);
            for (Path file : files) {
                String label = tree.label(file);
                read(file, label, findings).ifPresent(text -> sources.put(label, text));
            }
        }
        return check(List.of(), sources, findings);
    }

    /**
     * Checks catalog text that is not in a file, such as a catalog a test builds.
     *
     * @param fileName the name that findings give as the file
     * @param yaml the catalog document
     * @return every finding, and the catalog when there was no error
     */
    public Validation<ServiceCatalog> validate(String fileName, String yaml) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(yaml, "yaml");
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(fileName, yaml);
        return check(List.of(), sources, new ArrayList<>());
    }

    private Validation<ServiceCatalog> check(List<Path> files, Map<String, String> sources, List<Finding> findings) {
        Map<String, ServiceDefinition> services = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        Map<String, SourceDocument> documents = new HashMap<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            SourceDocument doc;
            try {
                doc = SourceDocument.parseYaml(source.getKey(), source.getValue());
            } catch (SourceSyntaxException e) {
                findings.add(new Finding(Severity.ERROR, "yaml-syntax", e.problem(), Optional.of(e.location()), ""));
                continue;
            }
            CatalogParser.Result parsed = CatalogParser.parse(doc);
            findings.addAll(parsed.findings());
            declared.addAll(parsed.declared());
            for (ServiceDefinition s : parsed.services()) {
                ServiceDefinition earlier = services.get(s.name());
                if (earlier != null) {
                    findings.add(new Finding(
                            Severity.ERROR,
                            "duplicate-service",
                            "service '" + s.name() + "' is declared twice: at "
                                    + earlier.location().map(Object::toString).orElse("?") + " and at "
                                    + s.location().map(Object::toString).orElse("?"),
                            s.location(),
                            "services." + s.name()));
                    continue;
                }
                services.put(s.name(), s);
                documents.put(s.name(), doc);
            }
        }
        findings.addAll(CatalogChecks.check(services, declared, documents));
        if (strict) {
            findings.replaceAll(f ->
                    f.isError() ? f : new Finding(Severity.ERROR, f.code(), f.message(), f.location(), f.yamlPath()));
        }
        ServiceCatalog catalog = null;
        if (findings.stream().noneMatch(Finding::isError)) {
            List<Finding> warnings = findings.stream().filter(f -> !f.isError()).collect(Collectors.toList());
            catalog = new ServiceCatalog(services.values(), warnings);
        }
        return new Validation<>(files, findings, catalog, CatalogException::new);
    }

    private static void expand(Path path, Function<Path, String> label, List<Path> files, List<Finding> findings) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                List<Path> yaml = list.filter(p -> {
                            String n = p.getFileName().toString();
                            return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
                        })
                        .sorted(Comparator.comparing(Path::toString))
                        .collect(Collectors.toList());
                if (yaml.isEmpty()) {
                    findings.add(unreadable(label.apply(path), "directory holds no *.yaml or *.yml catalog file"));
                }
                files.addAll(yaml);
            } catch (IOException e) {
                findings.add(unreadable(label.apply(path), "directory cannot be listed: " + e.getMessage()));
            }
        } else if (!Files.exists(path)) {
            findings.add(unreadable(
                    label.apply(path),
                    "no such file (looked at " + path.toAbsolutePath().normalize() + ")"));
        } else {
            files.add(path);
        }
    }

    private Optional<String> read(Path file, String label, List<Finding> findings) {
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                findings.add(unreadable(label, "file is " + size + " bytes, more than the limit of " + maxFileBytes));
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            findings.add(unreadable(label, "file is not UTF-8 text"));
        } catch (IOException e) {
            findings.add(unreadable(label, "file cannot be read: " + e));
        }
        return Optional.empty();
    }

    private static Finding unreadable(String file, String message) {
        return new Finding(Severity.ERROR, "unreadable-file", file + ": " + message, Optional.empty(), "");
    }

    /** Builds a {@link CatalogLoader}. Not thread-safe. */
    public static final class Builder {
        private boolean strict;
        private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;

        private Builder() {}

        /** Whether every warning is an error; default {@code false}. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** The largest catalog file read; default {@link #DEFAULT_MAX_FILE_BYTES}. */
        public Builder maxFileBytes(long maxFileBytes) {
            if (maxFileBytes < 1) {
                throw new IllegalArgumentException("maxFileBytes must be >= 1, was " + maxFileBytes);
            }
            this.maxFileBytes = maxFileBytes;
            return this;
        }

        /** Builds the loader. */
        public CatalogLoader build() {
            return new CatalogLoader(this);
        }
    }
}
