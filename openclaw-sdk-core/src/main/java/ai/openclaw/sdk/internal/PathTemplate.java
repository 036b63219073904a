package ai.openclaw.sdk.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A path template compiled for matching, OpenAPI style: a segment is a literal ({@code users}), one variable ({@code
 * {id}}), or literals around variables ({@code {id}.csv}, {@code by_owner-{ownerId}}, {@code {id}.{format}}). Matching
 * runs on every call: a miss allocates nothing for plain segments; a segment with literals is matched by a regular
 * expression compiled once. Values are returned as they appear in the path (not percent-decoded): how a value is
 * decoded depends on the parameter's style.
 */
public final class PathTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]*)}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String template;
    private final String[] literals; // a whole-literal segment, else null
    private final String[] names; // a whole-variable segment's name, else null
    private final @Nullable Pattern[] mixed; // literals around variables, else null
    private final String[][] mixedNames;
    private final int literalSegments;
    private final int literalChars;
    private final List<String> variables;

    private PathTemplate(String template) {
        this.template = template;
        List<String> parts = segments(template);
        int n = parts.size();
        literals = new String[n];
        names = new String[n];
        mixed = new Pattern[n];
        mixedNames = new String[n][];
        List<String> vars = new ArrayList<>();
        int lits = 0;
        int chars = 0;
        for (int i = 0; i < n; i++) {
            String part = parts.get(i);
            Matcher m = VARIABLE.matcher(part);
            List<String> found = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int at = 0;
            while (m.find()) {
                String name = m.group(1);
                if (!VARIABLE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException(
                            "path '" + template + "' has an invalid variable name '" + name + "'");
                }
                if (vars.contains(name) || found.contains(name)) {
                    throw new IllegalArgumentException("path '" + template + "' names variable '" + name + "' twice");
                }
                String literal = part.substring(at, m.start());
                checkLiteral(template, part, literal);
                regex.append(Pattern.quote(literal));
                chars += literal.length();
                found.add(name);
                regex.append("([^/]+?)");
                at = m.end();
            }
            String tail = part.substring(at);
            checkLiteral(template, part, tail);
            if (found.isEmpty()) {
                literals[i] = part;
                lits++;
                chars += part.length();
            } else if (found.size() == 1 && part.equals("{" + found.get(0) + "}")) {
                names[i] = found.get(0);
            } else {
                chars += tail.length();
                regex.append(Pattern.quote(tail));
                mixed[i] = Pattern.compile(regex.toString());
                mixedNames[i] = found.toArray(new String[0]);
            }
            vars.addAll(found);
        }
        literalSegments = lits;
        literalChars = chars;
        variables = List.copyOf(vars);
    }

    private static void checkLiteral(String template, String segment, String literal) {
        if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
            throw new IllegalArgumentException("path '" + template + "' has a malformed variable in '" + segment + "'");
        }
    }

    /**
     * Compiles a template.
     *
     * @throws IllegalArgumentException naming the malformed variable or name
     */
    public static PathTemplate of(String template) {
        return new PathTemplate(template);
    }

    /** The non-empty segments of a path. */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The template with every variable anonymised, {@code /pets/{}}: two templates equal so are the same path. */
    public String shape() {
        return VARIABLE.matcher(template).replaceAll("{}");
    }

    public String template() {
        return template;
    }

    /** The variables' names, in order. */
    public List<String> variables() {
        return variables;
    }

    /** How many segments are wholly literal; the most specific of several matches wins. */
    public int literalSegments() {
        return literalSegments;
    }

    /** How many literal characters the template has, to break ties between equally many literal segments. */
    public int literalChars() {
        return literalChars;
    }

    /**
     * Matches a path (no query) from character {@code from}.
     *
     * @return the variables' raw values when it matches, else null
     */
    public @Nullable Map<String, String> match(String path, int from) {
        int n = path.length();
        int at = from;
        int segment = 0;
        Map<String, String> values = null;
        while (true) {
            while (at < n && path.charAt(at) == '/') {
                at++;
            }
            if (at >= n) {
                break;
            }
            int end = path.indexOf('/', at);
            if (end < 0) {
                end = n;
            }
            if (segment == literals.length) {
                return null;
            }
            String literal = literals[segment];
            if (literal != null) {
                if (end - at != literal.length() || !path.regionMatches(at, literal, 0, literal.length())) {
                    return null;
                }
            } else if (names[segment] != null) {
                if (values == null) {
                    values = new LinkedHashMap<>();
                }
                values.put(names[segment], path.substring(at, end));
            } else {
                Matcher m = mixed[segment].matcher(path).region(at, end);
                if (!m.matches()) {
                    return null;
                }
                if (values == null) {
                    values = new LinkedHashMap<>();
                }
                for (int v = 0; v < mixedNames[segment].length; v++) {
                    values.put(mixedNames[segment][v], m.group(v + 1));
                }
            }
            segment++;
            at = end;
        }
        if (segment != literals.length) {
            return null;
        }
        return values == null ? Map.of() : values;
    }

    @Override
    public String toString() {
        return template;
    }
}
