package ai.openclaw.sdk;

import java.util.Objects;

/**
 * A place in a source file: the file as it was named when loaded, and a 1-based line and column. Printed as {@code
 * file:line:column}, the form editors and terminals turn into links.
 *
 * <pre>{@code
 * SourceLocation at = new SourceLocation(".openclaw/services.yaml", 12, 9);
 * at.toString(); // ".openclaw/services.yaml:12:9"
 * }</pre>
 *
 * @param file the file, as named when it was loaded (a path, or a description such as {@code <code>})
 * @param line the line, counting from 1
 * @param column the column, counting from 1
 */
public record SourceLocation(String file, int line, int column) {

    /** Validates the components. */
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        if (column < 1) {
            throw new IllegalArgumentException("column must be >= 1, was " + column);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
