package ai.openclaw.sdk.testing.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Random strings matching a Java regular expression, for Pact's {@code Regex} generator: literals, escapes ({@code \d
 * \w \s} and their negations, escaped metacharacters), character classes with ranges and negation, {@code .}, groups
 * (capturing, {@code (?:...)}), alternation and the quantifiers {@code * + ? {n} {n,} {n,m}} (lazy and possessive
 * forms too); {@code ^} and {@code $} at the ends. Unbounded repetition stops at a few items. Anything else
 * (look-arounds, back references, {@code \b}, flags) is refused with the construct named; every sample is checked
 * against the pattern before it is given out.
 */
final class RegexSampler {
    private static final int EXTRA_REPEATS = 4;
    private static final String PRINTABLE = printable();

    private final String regex;
    private final Pattern pattern;
    private int pos;

    private sealed interface Node permits Lit, Set, Seq, Alt, Rep {}

    private record Lit(char c) implements Node {}

    /** A character class, as the characters of printable ASCII it admits. */
    private record Set(String chars) implements Node {}

    private record Seq(List<Node> items) implements Node {}

    private record Alt(List<Node> options) implements Node {}

    private record Rep(Node node, int min, int max) implements Node {}

    private RegexSampler(String regex) {
        this.regex = regex;
        this.pattern = Pattern.compile(regex);
    }

    /**
     * A string matching {@code regex}.
     *
     * @throws IllegalArgumentException naming the construct when the pattern uses one this sampler does not handle
     */
    static String sample(String regex, RandomGenerator random) {
        RegexSampler s = new RegexSampler(regex);
        Node tree = s.parseAlt();
        if (s.pos != regex.length()) {
            throw s.unsupported("an unbalanced ')'");
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder out = new StringBuilder();
            emit(tree, random, out);
            if (s.pattern.matcher(out).matches()) {
                return out.toString();
            }
        }
        throw new IllegalArgumentException("no value matching the pattern " + regex + " could be generated");
    }

    private IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException("values for the pattern " + regex + " cannot be generated: " + what
                + " at index " + pos + " is not supported; give an example instead");
    }

    private Node parseAlt() {
        List<Node> options = new ArrayList<>();
        options.add(parseSeq());
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            options.add(parseSeq());
        }
        return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    private Node parseSeq() {
        List<Node> items = new ArrayList<>();
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '|' || c == ')') {
                break;
            }
            if (c == '^' && pos == 0) {
                pos++;
                continue;
            }
            if (c == '$' && pos == regex.length() - 1) {
                pos++;
                continue;
            }
            Node atom = parseAtom();
            items.add(quantified(atom));
        }
        return new Seq(items);
    }

    private Node parseAtom() {
        char c = regex.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                if (regex.startsWith("?:", pos)) {
                    pos += 2;
                } else if (pos < regex.length() && regex.charAt(pos) == '?') {
                    throw unsupported("a group of the form (?"
                            + (pos + 1 < regex.length() ? regex.charAt(pos + 1) : ' ') + "...)");
                }
                Node inner = parseAlt();
                if (pos >= regex.length() || regex.charAt(pos) != ')') {
                    throw unsupported("an unclosed group");
                }
                pos++;
                return inner;
            }
            case '[' -> {
                return parseClass();
            }
            case '.' -> {
                pos++;
                return new Set(PRINTABLE);
            }
            case '\\' -> {
                return parseEscape(false);
            }
            case '^', '$' -> throw unsupported("an anchor inside the pattern");
            case '*', '+', '?', '{' -> throw unsupported("a quantifier with nothing before it");
            default -> {
                pos++;
                return new Lit(c);
            }
        }
    }

    private Node parseEscape(boolean inClass) {
        pos++;
        if (pos >= regex.length()) {
            throw unsupported("a trailing backslash");
        }
        char e = regex.charAt(pos++);
        return switch (e) {
            case 'd' -> new Set("0123456789");
            case 'D' -> new Set(without("0123456789"));
            case 'w' -> new Set(word());
            case 'W' -> new Set(without(word()));
            case 's' -> new Set(" \t");
            case 'S' -> new Set(without(" \t\n\r\f"));
            case 't' -> new Lit('\t');
            case 'n' -> new Lit('\n');
            case 'r' -> new Lit('\r');
            case 'f' -> new Lit('\f');
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    pos -= 2;
                    throw unsupported("the escape \\" + e);
                }
                yield new Lit(e);
            }
        };
    }

    private Node parseClass() {
        pos++; // [
        boolean negated = pos < regex.length() && regex.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        StringBuilder chars = new StringBuilder();
        boolean first = true;
        while (pos < regex.length() && (regex.charAt(pos) != ']' || first)) {
            first = false;
            char c = regex.charAt(pos);
            if (c == '[' || (c == '&' && regex.startsWith("&&", pos))) {
                throw unsupported("a nested or intersected character class");
            }
            String from;
            if (c == '\\') {
                Node n = parseEscape(true);
                from = n instanceof Lit l ? String.valueOf(l.c()) : ((Set) n).chars();
            } else {
                pos++;
                from = String.valueOf(c);
            }
            if (from.length() == 1
                    && pos + 1 < regex.length()
                    && regex.charAt(pos) == '-'
                    && regex.charAt(pos + 1) != ']') {
                pos++;
                char to = regex.charAt(pos);
                if (to == '\\') {
                    Node n = parseEscape(true);
                    if (!(n instanceof Lit l)) {
                        throw unsupported("a range ending in a class");
                    }
                    to = l.c();
                } else {
                    pos++;
                }
                for (char x = from.charAt(0); x <= to; x++) {
                    chars.append(x);
                }
            } else {
                chars.append(from);
            }
        }
        if (pos >= regex.length()) {
            throw unsupported("an unclosed character class");
        }
        pos++; // ]
        String set = negated ? without(chars.toString()) : chars.toString();
        if (set.isEmpty()) {
            throw unsupported("a character class admitting no printable character");
        }
        return new Set(set);
    }

    private Node quantified(Node atom) {
        if (pos >= regex.length()) {
            return atom;
        }
        char q = regex.charAt(pos);
        int min;
        int max;
        switch (q) {
            case '*' -> {
                min = 0;
                max = EXTRA_REPEATS;
                pos++;
            }
            case '+' -> {
                min = 1;
                max = 1 + EXTRA_REPEATS;
                pos++;
            }
            case '?' -> {
                min = 0;
                max = 1;
                pos++;
            }
            case '{' -> {
                int end = regex.indexOf('}', pos);
                if (end < 0) {
                    throw unsupported("an unclosed {");
                }
                String body = regex.substring(pos + 1, end);
                try {
                    int comma = body.indexOf(',');
                    if (comma < 0) {
                        min = max = Integer.parseInt(body.trim());
                    } else {
                        min = Integer.parseInt(body.substring(0, comma).trim());
                        String upper = body.substring(comma + 1).trim();
                        max = upper.isEmpty() ? min + EXTRA_REPEATS : Integer.parseInt(upper);
                    }
                } catch (NumberFormatException e) {
                    throw unsupported("the repetition {" + body + "}");
                }
                pos = end + 1;
            }
            default -> {
                return atom;
            }
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++; // lazy or possessive: the same strings
        }
        return new Rep(atom, min, max);
    }

    private static void emit(Node node, RandomGenerator random, StringBuilder out) {
        if (node instanceof Lit l) {
            out.append(l.c());
        } else if (node instanceof Set s) {
            out.append(s.chars().charAt(random.nextInt(s.chars().length())));
        } else if (node instanceof Seq s) {
            s.items().forEach(n -> emit(n, random, out));
        } else if (node instanceof Alt a) {
            emit(a.options().get(random.nextInt(a.options().size())), random, out);
        } else if (node instanceof Rep r) {
            int n = r.min() + random.nextInt(r.max() - r.min() + 1);
            for (int i = 0; i < n; i++) {
                emit(r.node(), random, out);
            }
        }
    }

    private static String printable() {
        StringBuilder b = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            b.append(c);
        }
        return b.toString();
    }

    private static String word() {
        StringBuilder b = new StringBuilder("_");
        for (char c = 'a'; c <= 'z'; c++) {
            b.append(c).append(Character.toUpperCase(c));
        }
        return b.append("0123456789").toString();
    }

    private static String without(String chars) {
        StringBuilder b = new StringBuilder();
        for (char c : PRINTABLE.toCharArray()) {
            if (chars.indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
