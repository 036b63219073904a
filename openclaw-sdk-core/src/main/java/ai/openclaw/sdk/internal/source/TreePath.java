package ai.openclaw.sdk.internal.source;

/**
 * Paths into a document tree, written the way a person reads YAML: {@code services.user-service.dependencies[1]}.
 * Keys that are not plain words are quoted: {@code services["a.b"]}.
 */
public final class TreePath {
    /** The path of the document's root. */
    public static final String ROOT = "";

    private TreePath() {}

    /** The path of {@code key} inside the mapping at {@code parent}. */
    public static String key(String parent, String key) {
        if (isPlain(key)) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static boolean isPlain(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '$'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The path of element {@code index} of the sequence at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
