package ai.openclaw.sdk.testing.pact;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The matchers of the Pact specification (versions 3 and 4), for the bodies, headers, query parameters and paths of
 * consumer-driven contracts. Each takes an example: the value the mock provider answers with and the pact file
 * records.
 *
 * <pre>{@code
 * import static ai.openclaw.sdk.testing.pact.PactMatchers.*;
 *
 * Map.of(
 *     "id", regex("^u-[0-9]+$", "u-42"),
 *     "email", like("ada@example.com"),                 // any string
 *     "age", integer(36),
 *     "createdAt", datetime("yyyy-MM-dd'T'HH:mm:ss'Z'", "2026-11-22T10:00:00Z"),
 *     "roles", eachLike(like("admin"), 1, 5),            // 1 to 5 strings
 *     "plan", nullValue())
 * }</pre>
 *
 * <p>Plain values (maps, lists, strings, numbers, records) inside a body must be equal; matchers loosen that where they
 * stand, and a matcher on an object or array applies to everything under it (Pact's cascading) unless a matcher
 * further down says otherwise.
 */
public final class PactMatchers {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PactMatchers() {}

    private static PactMatcher value(Object example, ObjectNode rule) {
        return new PactMatcher(PactMatcher.Shape.VALUE, example, rule, 0, 0, List.of(), null);
    }

    private static ObjectNode rule(String match) {
        return NODES.objectNode().put("match", match);
    }

    /** Same type as the example (string, number, boolean, object, array); for objects and arrays, cascading. */
    public static PactMatcher like(Object example) {
        return value(example, rule("type"));
    }

    /** Equal to the example, even under a type matcher higher up. */
    public static PactMatcher equalTo(Object example) {
        return value(example, rule("equality"));
    }

    /**
     * A string (or the text of a value) matching {@code regex} in full.
     *
     * @throws IllegalArgumentException when the example does not match the pattern
     */
    public static PactMatcher regex(String regex, String example) {
        if (!Pattern.compile(regex).matcher(example).matches()) {
            throw new IllegalArgumentException("the example '" + example + "' does not match the pattern " + regex);
        }
        return value(example, rule("regex").put("regex", regex));
    }

    /** An integer: a number with no fractional part. */
    public static PactMatcher integer(long example) {
        return value(example, rule("integer"));
    }

    /** A decimal: a number with a fractional part. */
    public static PactMatcher decimal(double example) {
        return value(example, rule("decimal"));
    }

    /** Any number. */
    public static PactMatcher number(Number example) {
        return value(example, rule("number"));
    }

    /** A boolean (or the string {@code true} or {@code false}). */
    public static PactMatcher bool(boolean example) {
        return value(example, rule("boolean"));
    }

    /** A date in a {@link DateTimeFormatter} pattern, such as {@code yyyy-MM-dd}. */
    public static PactMatcher date(String format, String example) {
        return dateLike("date", format, example);
    }

    /** A time in a {@link DateTimeFormatter} pattern, such as {@code HH:mm:ss}. */
    public static PactMatcher time(String format, String example) {
        return dateLike("time", format, example);
    }

    /** A date and time in a {@link DateTimeFormatter} pattern, such as {@code yyyy-MM-dd'T'HH:mm:ssXXX}. */
    public static PactMatcher datetime(String format, String example) {
        return dateLike("datetime", format, example);
    }

    private static PactMatcher dateLike(String match, String format, String example) {
        DateTimeFormatter.ofPattern(format).parse(example); // a wrong example fails here, not in the provider's build
        return value(example, rule(match).put("format", format));
    }

    /** A string (or the text of a value) containing {@code substring}. */
    public static PactMatcher includes(String substring) {
        return value(substring, rule("include").put("value", substring));
    }

    /** JSON {@code null}. */
    public static PactMatcher nullValue() {
        return value(NODES.nullNode(), rule("null"));
    }

    /** An array of at least one item like {@code element} (a matcher or a plain example). */
    public static PactMatcher eachLike(Object element) {
        return eachLike(element, 1, -1);
    }

    /**
     * An array of {@code min} to {@code max} items like {@code element}; {@code max} -1 for no upper bound. The
     * example holds {@code max(min, 1)} copies of the element.
     */
    public static PactMatcher eachLike(Object element, int min, int max) {
        if (min < 0 || (max >= 0 && max < Math.max(min, 1))) {
            throw new IllegalArgumentException("eachLike needs 0 <= min <= max and max >= 1, was " + min + ".." + max);
        }
        return new PactMatcher(PactMatcher.Shape.EACH_LIKE, element, null, min, max, List.of(), null);
    }

    /** An array containing, somewhere, an item matching each variant (Pact V4 {@code arrayContains}). */
    public static PactMatcher arrayContaining(Object... variants) {
        if (variants.length == 0) {
            throw new IllegalArgumentException("arrayContaining needs at least one variant");
        }
        return new PactMatcher(PactMatcher.Shape.ARRAY_CONTAINS, null, null, 0, 0, List.of(variants), null);
    }

    /** A map whose every key matches {@code keyMatcher}; {@code example} is the recorded map (Pact V4 {@code eachKey}). */
    public static PactMatcher eachKey(PactMatcher keyMatcher, Map<String, ?> example) {
        requireValue(keyMatcher, "eachKey");
        return new PactMatcher(PactMatcher.Shape.EACH_KEY, example, null, 0, 0, List.of(), keyMatcher);
    }

    /**
     * A map or array whose every value matches {@code valueMatcher}; {@code example} is the recorded map or list (Pact
     * V4 {@code eachValue}).
     */
    public static PactMatcher eachValue(PactMatcher valueMatcher, Object example) {
        requireValue(valueMatcher, "eachValue");
        Objects.requireNonNull(example, "example");
        return new PactMatcher(PactMatcher.Shape.EACH_VALUE, example, null, 0, 0, List.of(), valueMatcher);
    }

    private static void requireValue(PactMatcher m, String where) {
        if (Objects.requireNonNull(m, "matcher").shape != PactMatcher.Shape.VALUE) {
            throw new IllegalArgumentException(where + " takes a value matcher (like, regex, integer, ...), not " + m);
        }
    }
}
