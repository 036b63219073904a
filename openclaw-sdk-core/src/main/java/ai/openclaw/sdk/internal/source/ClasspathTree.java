package ai.openclaw.sdk.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A file or directory on the class path, readable as a {@link Path} so that the path-based loaders read it unchanged:
 * in place when it is a file of a directory on the class path, else (inside a jar, a Spring Boot nested jar, ...)
 * extracted to a temporary directory that {@link #close()} deletes. {@link #label(Path)} names each file as
 * {@code classpath:<name>/<relative path>} for findings.
 */
public final class ClasspathTree implements AutoCloseable {
    private final String name;
    private final Path root;
    private final @Nullable Path extracted;

    private ClasspathTree(String name, Path root, @Nullable Path extracted) {
        this.name = name;
        this.root = root;
        this.extracted = extracted;
    }

    /** The context class loader of the current thread, else the SDK's own. */
    public static ClassLoader defaultLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClasspathTree.class.getClassLoader();
    }

    /**
     * Finds {@code name} ({@code contracts}, {@code .openclaw/services.yaml}; a leading {@code /} is ignored).
     *
     * @return empty when the class path has no such resource
     * @throws UncheckedIOException when it exists but cannot be read
     */
    public static Optional<ClasspathTree> open(String name, ClassLoader loader) {
        String n = normalize(Objects.requireNonNull(name, "name"));
        URL url = Objects.requireNonNull(loader, "loader").getResource(n);
        if (url == null) {
            return Optional.empty();
        }
        try {
            if (url.getProtocol().equals("file")) {
                return Optional.of(new ClasspathTree(n, Path.of(url.toURI()), null));
            }
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            Path temp = Files.createTempDirectory("openclaw-classpath-");
            try {
                Path leaf = temp.resolve(n.substring(n.lastIndexOf('/') + 1));
                if (connection instanceof JarURLConnection jar) {
                    extract(jar, leaf);
                } else {
                    try (InputStream in = connection.getInputStream()) {
                        Files.copy(in, leaf); // a single resource of another kind: its bytes
                    }
                }
                return Optional.of(new ClasspathTree(n, leaf, temp));
            } catch (IOException | RuntimeException e) {
                delete(temp);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + n + " (" + url + "): " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("classpath:" + n + " has an unusable URL: " + url, e);
        }
    }

    private static String normalize(String name) {
        String n = name.strip();
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a classpath resource name must not be empty");
        }
        return n;
    }

    /** Copies the entry (a file) or every entry under it (a directory) to {@code target}. */
    private static void extract(JarURLConnection connection, Path target) throws IOException {
        String entryName = normalize(Objects.requireNonNull(connection.getEntryName(), "entry"));
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String e = entry.getName();
                Path out;
                if (e.equals(entryName)) {
                    out = target;
                } else if (e.startsWith(entryName + "/")) {
                    out = target.resolve(e.substring(entryName.length() + 1)).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("jar entry " + e + " points outside its directory");
                    }
                } else {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** The file or directory, readable with {@link Files}. */
    public Path root() {
        return root;
    }

    /** What findings call {@code file}: {@code classpath:contracts/events/user.created/1.0.schema.json}. */
    public String label(Path file) {
        Path relative = root.relativize(file);
        String rest = relative.toString().replace('\\', '/');
        return "classpath:" + name + (rest.isEmpty() ? "" : "/" + rest);
    }

    /** Deletes what was extracted. */
    @Override
    public void close() {
        if (extracted != null) {
            delete(extracted);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing a load for
        }
    }
}
