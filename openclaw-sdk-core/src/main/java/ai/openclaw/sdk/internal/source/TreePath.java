package ai.openclaw.sdk.internal.source;

import java.util.regex.Pattern;

/**
 * Paths into a document tree, written the way a person reads YAML: {@code services.user-service.dependencies[1]}.
 * Keys that are not plain words are quoted: {@code services["a.b"]}.
 */
public final class TreePath {
    /** The path of the document's root. */
    public static final String ROOT = "";

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$-][A-Za-z0-9_$-]*");

    private TreePath() {}

    /** The path of {@code key} inside the mapping at {@code parent}. */
    public static String key(String parent, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** The path of element {@code index} of the sequence at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
