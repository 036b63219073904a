package ai.openclaw.sdk.internal.source;

import ai.openclaw.sdk.SourceLocation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML or JSON document read into a Jackson tree, remembering the line and column of every key and value so that
 * errors found later, by walking the tree, can name the place in the file.
 *
 * <p>YAML is read safely: no tags that construct objects (Jackson's parser only yields plain nodes), a limit on alias
 * expansion, on document size and on nesting depth. Duplicate keys are not an error of the reader; they are reported
 * in {@link #duplicateKeys()} for the caller to judge.
 */
public final class SourceDocument {
    /** The largest document read, in characters. */
    public static final int MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

    private static final int MAX_NESTING = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = yamlFactory();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .build())
            .build();

    /** A key seen twice in one mapping. */
    public record DuplicateKey(String path, SourceLocation first, SourceLocation second) {}

    private final String file;
    private final JsonNode root;
    private final Map<String, SourceLocation> values;
    private final Map<String, SourceLocation> keys;
    private final List<DuplicateKey> duplicateKeys;

    private SourceDocument(
            String file,
            JsonNode root,
            Map<String, SourceLocation> values,
            Map<String, SourceLocation> keys,
            List<DuplicateKey> duplicateKeys) {
        this.file = file;
        this.root = root;
        this.values = values;
        this.keys = keys;
        this.duplicateKeys = List.copyOf(duplicateKeys);
    }

    /**
     * Reads a YAML document.
     *
     * @param file the file's name, used in locations
     * @param text the whole document
     * @return the document; its root is a {@link MissingNode} when the text holds no document
     * @throws SourceSyntaxException when the text is not well-formed YAML
     */
    public static SourceDocument parseYaml(String file, String text) throws SourceSyntaxException {
        return parse(YAML, file, text);
    }

    /** Reads a JSON document; see {@link #parseYaml}. */
    public static SourceDocument parseJson(String file, String text) throws SourceSyntaxException {
        return parse(JSON, file, text);
    }

    private static SourceDocument parse(JsonFactory factory, String file, String text) throws SourceSyntaxException {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new SourceSyntaxException(
                    new SourceLocation(file, 1, 1),
                    "document is " + text.length() + " characters, more than the limit of " + MAX_DOCUMENT_CHARS);
        }
        int tab = leadingTab(text);
        if (tab >= 0 && factory == YAML) {
            throw new SourceSyntaxException(
                    locationOfOffset(file, text, tab), "a tab character indents this line; YAML indents with spaces");
        }
        Reader reader = new Reader(file, text.length());
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return reader.document(MissingNode.getInstance());
            }
            JsonNode root = reader.read(parser, TreePath.ROOT, 0);
            JsonToken next = parser.nextToken();
            if (next != null) {
                throw new SourceSyntaxException(
                        reader.location(parser.currentTokenLocation()),
                        "a second document starts here; the file must hold exactly one");
            }
            return reader.document(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourceLocation location = at == null ? new SourceLocation(file, 1, 1) : reader.location(at);
            throw new SourceSyntaxException(location, describe(e));
        } catch (IOException e) {
            throw new SourceSyntaxException(new SourceLocation(file, 1, 1), "could not be read: " + e.getMessage());
        }
    }

    /** The offset of the first tab in a line's indentation, or -1; SnakeYAML's own message for it is cryptic. */
    private static int leadingTab(String text) {
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = true;
            } else if (lineStart && c == '\t') {
                return i;
            } else if (c != ' ') {
                lineStart = false;
            }
        }
        return -1;
    }

    private static SourceLocation locationOfOffset(String file, String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // SnakeYAML's messages repeat the offending line with a caret under it; keep the sentences only.
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("in '") || trimmed.startsWith("^") || line.startsWith("    ")) {
                continue;
            }
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(trimmed);
        }
        return out.length() == 0 ? message.strip() : out.toString();
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by this reader, with both places
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxDocumentLength(MAX_DOCUMENT_CHARS)
                        .build())
                .build();
    }

    /** The file's name as given when it was read. */
    public String file() {
        return file;
    }

    /** The root of the tree; a {@link MissingNode} for an empty document. */
    public JsonNode root() {
        return root;
    }

    /** Keys that appeared twice in one mapping; the tree holds the second value. */
    public List<DuplicateKey> duplicateKeys() {
        return duplicateKeys;
    }

    /** Where the value at {@code path} starts, or else its nearest enclosing value, or else the file's start. */
    public SourceLocation valueLocation(String path) {
        String p = path;
        while (true) {
            SourceLocation at = values.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new SourceLocation(file, 1, 1);
            }
            p = parent(p);
        }
    }

    /** Where the key of the mapping entry at {@code path} stands; falls back to {@link #valueLocation}. */
    public SourceLocation keyLocation(String path) {
        SourceLocation at = keys.get(path);
        return at != null ? at : valueLocation(path);
    }

    /**
     * The tree path of a JSON pointer into this document ({@code /services/a/dependencies/0} becomes {@code
     * services.a.dependencies[0]}), following the tree to tell array indexes from keys.
     */
    public String pathOf(String jsonPointer) {
        if (jsonPointer.isEmpty() || jsonPointer.equals("/")) {
            return TreePath.ROOT;
        }
        String path = TreePath.ROOT;
        JsonNode node = root;
        for (String raw : jsonPointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (node != null && node.isArray() && segment.matches("\\d+")) {
                int index = Integer.parseInt(segment);
                path = TreePath.index(path, index);
                node = node.get(index);
            } else {
                path = TreePath.key(path, segment);
                node = node == null ? null : node.get(segment);
            }
        }
        return path;
    }

    /** Where the value at a JSON pointer starts; see {@link #valueLocation}. */
    public SourceLocation pointerLocation(String jsonPointer) {
        return valueLocation(pathOf(jsonPointer));
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** Builds the tree from parser tokens; a tree node per value, a location per path. */
    private static final class Reader {
        private final String file;
        private final Map<String, SourceLocation> values;
        private final Map<String, SourceLocation> keys;
        private final List<DuplicateKey> duplicates = new ArrayList<>();

        Reader(String file, int textLength) {
            this.file = file;
            // about one value per 12 characters of YAML; sized to avoid rehashing on large documents
            int expected = Math.max(16, textLength / 12);
            this.values = new HashMap<>(expected * 4 / 3 + 1);
            this.keys = new HashMap<>(expected * 4 / 3 + 1);
        }

        SourceDocument document(JsonNode root) {
            // never written after this point; handed over without a copy, which would cost as much as the parse
            return new SourceDocument(file, root, values, keys, duplicates);
        }

        SourceLocation location(JsonLocation at) {
            return new SourceLocation(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
        }

        JsonNode read(JsonParser parser, String path, int depth) throws IOException, SourceSyntaxException {
            JsonToken token = parser.currentToken();
            SourceLocation here = location(parser.currentTokenLocation());
            values.put(path, here);
            if (depth > MAX_NESTING) {
                throw new SourceSyntaxException(here, "nested more than " + MAX_NESTING + " levels deep");
            }
            switch (token) {
                case START_OBJECT:
                    return readObject(parser, path, depth);
                case START_ARRAY:
                    ArrayNode array = NODES.arrayNode();
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(read(parser, TreePath.index(path, index++), depth + 1));
                    }
                    return array;
                case VALUE_STRING:
                    return NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    return NODES.numberNode(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    // binary or other embedded scalars: keep their text, never construct objects
                    return NODES.textNode(String.valueOf(parser.getText()));
            }
        }

        private ObjectNode readObject(JsonParser parser, String path, int depth)
                throws IOException, SourceSyntaxException {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() != JsonToken.END_OBJECT) {
                String name = parser.currentName();
                String child = TreePath.key(path, name == null ? "null" : name);
                SourceLocation keyAt = location(parser.currentTokenLocation());
                @Nullable SourceLocation previous = keys.get(child);
                if (object.has(name) && previous != null) {
                    duplicates.add(new DuplicateKey(child, previous, keyAt));
                }
                keys.put(child, keyAt);
                parser.nextToken();
                object.set(name, read(parser, child, depth + 1));
            }
            return object;
        }
    }
}
