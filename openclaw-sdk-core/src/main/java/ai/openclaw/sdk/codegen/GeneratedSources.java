package ai.openclaw.sdk.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link JavaCodeGenerator} made: source files, written under a source root with {@link #writeTo}.
 *
 * <pre>{@code
 * GeneratedSources sources = generator.forService("billing-service");
 * List<Path> written = sources.writeTo(Path.of("target/generated-sources/openclaw"));
 * }</pre>
 *
 * @param files the files, each class once
 */
public record GeneratedSources(List<SourceFile> files) {
    /** Copies the list, each class once (the first kept). */
    public GeneratedSources {
        Map<String, SourceFile> unique = new LinkedHashMap<>();
        for (SourceFile f : files) {
            unique.putIfAbsent(f.qualifiedName(), f);
        }
        files = List.copyOf(unique.values());
    }

    /**
     * Writes each file under {@code root}, replacing one that differs and leaving one that is the same untouched (so
     * that an incremental build does not recompile it).
     *
     * @return the files written or found unchanged
     * @throws UncheckedIOException when a file cannot be written
     */
    public List<Path> writeTo(Path root) {
        List<Path> out = new ArrayList<>();
        for (SourceFile f : files) {
            Path target = root.resolve(f.path());
            try {
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)
                        || !Files.readString(target, StandardCharsets.UTF_8).equals(f.content())) {
                    Files.writeString(target, f.content(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
            out.add(target);
        }
        return out;
    }
}
