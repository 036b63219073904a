package ai.openclaw.sdk.testing.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A Pact body path ({@code $.items[*].name}, {@code $['odd key']}): segments, parsing, printing and weighting. */
record PactPath(List<String> segments) {
    /** A segment {@code [3]} is an index, {@code *} a star, anything else a key; the first is always {@code $}. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    static final PactPath ROOT = new PactPath(List.of("$"));

    PactPath {
        segments = List.copyOf(segments);
    }

    PactPath key(String key) {
        List<String> s = new ArrayList<>(segments);
        s.add("." + key);
        return new PactPath(s);
    }

    PactPath index(int index) {
        List<String> s = new ArrayList<>(segments);
        s.add("[" + index + "]");
        return new PactPath(s);
    }

    PactPath anyIndex() {
        List<String> s = new ArrayList<>(segments);
        s.add("[*]");
        return new PactPath(s);
    }

    PactPath anyKey() {
        List<String> s = new ArrayList<>(segments);
        s.add(".*");
        return new PactPath(s);
    }

    int length() {
        return segments.size();
    }

    /** Parses {@code $.a.b[0]['c d'][*].*}. */
    static PactPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a matching rule path starts with $, was " + text);
        }
        List<String> s = new ArrayList<>();
        s.add("$");
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                s.add("." + text.substring(i + 1, end));
                i = end;
            } else if (c == '[' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                int end = text.indexOf("']", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ['...'] in matching rule path " + text);
                }
                s.add("." + text.substring(i + 2, end));
                i = end + 2;
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ in matching rule path " + text);
                }
                s.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in matching rule path " + text);
            }
        }
        return new PactPath(s);
    }

    /**
     * Pact's weighting of this rule path against a value's path: 0 when it does not apply, otherwise the product of 2
     * for the root, each equal key and each equal index, and 1 for each star; a rule path shorter than the value's
     * applies to it (cascading).
     */
    long weight(PactPath value) {
        if (segments.size() > value.segments.size()) {
            return 0;
        }
        long w = 2;
        for (int i = 1; i < segments.size(); i++) {
            String rule = segments.get(i);
            String actual = value.segments.get(i);
            if (rule.equals(actual)) {
                w *= 2;
            } else if ((rule.equals("[*]") && actual.startsWith("["))
                    || (rule.equals(".*") && actual.startsWith("."))) {
                w *= 1;
            } else {
                return 0;
            }
        }
        return w;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("$");
        for (int i = 1; i < segments.size(); i++) {
            String s = segments.get(i);
            if (s.startsWith("[")
                    || s.equals(".*")
                    || PLAIN_KEY.matcher(s.substring(1)).matches()) {
                b.append(s);
            } else {
                b.append("['").append(s.substring(1)).append("']");
            }
        }
        return b.toString();
    }
}
