package ai.openclaw.sdk.codegen;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One generated Java source file.
 *
 * <pre>{@code
 * SourceFile f = sources.files().get(0);
 * f.path();   // com/example/billing/events/UserCreated.java
 * }</pre>
 *
 * @param packageName its package
 * @param className its top-level class
 * @param content its text
 */
public record SourceFile(String packageName, String className, String content) {
    /** Validates the components. */
    public SourceFile {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(content, "content");
    }

    /** Where it goes under a source root. */
    public Path path() {
        return Path.of(packageName.replace('.', '/'), className + ".java");
    }

    /** Its fully qualified name. */
    public String qualifiedName() {
        return packageName + "." + className;
    }
}
