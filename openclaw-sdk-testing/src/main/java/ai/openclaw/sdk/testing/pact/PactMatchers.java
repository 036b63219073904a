package ai.openclaw.sdk.testing.pact;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

    private static PactMatcher generated(Object example, ObjectNode rule, ObjectNode generator) {
        return new PactMatcher(PactMatcher.Shape.VALUE, example, rule, 0, 0, List.of(), null, generator);
    }

    private static ObjectNode generator(String type) {
        return NODES.objectNode().put("type", type);
    }

    /** The fixed moment the examples of generated dates and times show, so that pact files do not change per run. */
    private static final java.time.ZonedDateTime EXAMPLE_MOMENT =
            java.time.ZonedDateTime.of(2000, 2, 1, 12, 30, 45, 0, java.time.ZoneOffset.UTC);

    private static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

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

    /**
     * Any integer; the mock provider and the verifier send a random one ({@code RandomInt} generator), the pact
     * records the example 100.
     */
    public static PactMatcher integer() {
        return integerBetween(0, Integer.MAX_VALUE);
    }

    /** Any integer; the generated ones lie from {@code min} to {@code max}, the pact records {@code min}. */
    public static PactMatcher integerBetween(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("integerBetween needs min <= max, was " + min + ".." + max);
        }
        long example = min <= 100 && 100 <= max ? 100 : min;
        return generated(
                example, rule("integer"), generator("RandomInt").put("min", min).put("max", max));
    }

    /** Any decimal; generated values have {@code 10} digits ({@code RandomDecimal}), the pact records 12.5. */
    public static PactMatcher decimal() {
        return generated(
                new java.math.BigDecimal("12.5"),
                rule("decimal"),
                generator("RandomDecimal").put("digits", 10));
    }

    /** A string of hexadecimal digits; generated ones have {@code digits} digits ({@code RandomHexadecimal}). */
    public static PactMatcher hex(int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("hex needs at least one digit, was " + digits);
        }
        String example = "0123456789abcdef".repeat(digits / 16 + 1).substring(0, digits);
        return generated(
                example,
                rule("regex").put("regex", "^[0-9a-fA-F]+$"),
                generator("RandomHexadecimal").put("digits", digits));
    }

    /** Any string; generated ones are {@code size} letters and digits ({@code RandomString}). */
    public static PactMatcher string(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("string needs a size >= 0, was " + size);
        }
        String example = "abcdefghijklmnopqrst".repeat(size / 20 + 1).substring(0, size);
        return generated(example, rule("type"), generator("RandomString").put("size", size));
    }

    /** A lower-case hyphenated UUID; generated ones are random ({@code Uuid}). */
    public static PactMatcher uuid() {
        return generated(
                "e2490de5-5bd3-43d5-b7c4-526e33f71304", rule("regex").put("regex", UUID_PATTERN), generator("Uuid"));
    }

    /** A boolean; generated ones are random ({@code RandomBoolean}). */
    public static PactMatcher bool() {
        return generated(true, rule("boolean"), generator("RandomBoolean"));
    }

    /**
     * A string matching {@code regex} in full, with no example given: the pact records a sample of the pattern (the
     * same one on every run) and the mock provider and verifier send fresh ones ({@code Regex} generator). The pattern
     * may use literals, escapes, classes, groups, alternation and quantifiers; not look-arounds or back references.
     *
     * @throws IllegalArgumentException when no value can be generated from the pattern (give an example then)
     */
    public static PactMatcher regex(String regex) {
        String example = RegexSampler.sample(regex, new java.util.SplittableRandom(regex.hashCode()));
        return generated(
                example, rule("regex").put("regex", regex), generator("Regex").put("regex", regex));
    }

    /** A date in {@code format}; the generated one is today ({@code Date} generator). */
    public static PactMatcher date(String format) {
        return dateAt("date", "Date", format, null);
    }

    /** A time in {@code format}; the generated one is now ({@code Time} generator). */
    public static PactMatcher time(String format) {
        return dateAt("time", "Time", format, null);
    }

    /** A date and time in {@code format}; the generated one is now ({@code DateTime} generator). */
    public static PactMatcher datetime(String format) {
        return dateAt("datetime", "DateTime", format, null);
    }

    /**
     * A date in {@code format}, generated relative to today by a V4 expression: {@code today}, {@code tomorrow},
     * {@code yesterday}, then offsets such as {@code + 1 month - 2 days}.
     */
    public static PactMatcher dateFrom(String expression, String format) {
        return dateAt("date", "Date", format, expression);
    }

    /** A date and time in {@code format}, generated relative to now by a V4 expression ({@code now + 2 hours}). */
    public static PactMatcher datetimeFrom(String expression, String format) {
        return dateAt("datetime", "DateTime", format, expression);
    }

    private static PactMatcher dateAt(String match, String type, String format, @Nullable String expression) {
        String example = DateTimeFormatter.ofPattern(format).format(EXAMPLE_MOMENT);
        ObjectNode g = generator(type).put("format", format);
        if (expression != null) {
            g.put("expression", expression);
            if (PactGenerators.dateLike(type, g, java.time.Clock.systemUTC()) == null) {
                throw new IllegalArgumentException("the date expression '" + expression + "' cannot be read: use"
                        + " today, tomorrow, yesterday or now, then offsets such as + 1 day - 2 hours");
            }
        }
        return generated(example, rule(match).put("format", format), g);
    }

    /**
     * A value the provider's test supplies: on verification, {@code expression}'s {@code ${name}} references are
     * replaced by the values the {@link State} method returned (or the state's parameters), so a request can name an
     * id the provider made; the consumer's mock and the pact use {@code example}. Matched by type.
     *
     * <pre>{@code
     * PactRequest.get(fromProviderState("/users/${id}", "/users/u-1"))
     * }</pre>
     */
    public static PactMatcher fromProviderState(String expression, Object example) {
        Objects.requireNonNull(expression, "expression");
        return generated(
                Objects.requireNonNull(example, "example"),
                rule("type"),
                generator("ProviderState").put("expression", expression));
    }

    /**
     * A URL pointing back at the provider: the consumer's mock answers it on its own base URL (the part of {@code
     * example} that {@code regex}'s first group captures, after the mock's URL); the verifier judges it by the regex.
     *
     * <pre>{@code
     * "self", mockServerUrl(".*(/orders/\\d+)$", "http://localhost:8080/orders/42")
     * }</pre>
     *
     * @throws IllegalArgumentException when the example does not match, or the regex has no group
     */
    public static PactMatcher mockServerUrl(String regex, String example) {
        java.util.regex.Matcher m = Pattern.compile(regex).matcher(example);
        if (!m.matches() || m.groupCount() < 1) {
            throw new IllegalArgumentException(
                    "mockServerUrl needs an example matching " + regex + " with a group for the path: " + example);
        }
        return generated(
                example,
                rule("regex").put("regex", regex),
                generator("MockServerURL").put("example", example).put("regex", regex));
    }

    /** Present and not empty: not null, not an empty string, array or object (V4 {@code notEmpty}). */
    public static PactMatcher notEmpty(Object example) {
        return value(Objects.requireNonNull(example, "example"), rule("notEmpty"));
    }

    /**
     * A semantic version, {@code 1.2.3-rc.1+build.5} (V4 {@code semver}).
     *
     * @throws IllegalArgumentException when the example is not one
     */
    public static PactMatcher semver(String example) {
        if (PactMatching.check(rule("semver"), null, NODES.textNode(example)) != null) {
            throw new IllegalArgumentException("the example '" + example + "' is not a semantic version");
        }
        return value(example, rule("semver"));
    }

    /**
     * Content whose type, detected from the bytes themselves, is {@code contentType} ({@code contentType} matcher);
     * for bodies and message contents that are not JSON.
     */
    public static PactMatcher contentType(String contentType, Object example) {
        return value(
                Objects.requireNonNull(example, "example"), rule("contentType").put("value", contentType));
    }

    /**
     * A map whose keys do not matter: each value must match the example's value of the same key, or else its first
     * value (V3 {@code values}).
     */
    public static PactMatcher values(Map<String, ?> example) {
        if (example.isEmpty()) {
            throw new IllegalArgumentException("values needs an example with at least one entry");
        }
        return value(example, rule("values"));
    }

    /** The same as {@link #arrayContaining}, under the specification's name ({@code arrayContains}). */
    public static PactMatcher arrayContains(Object... variants) {
        return arrayContaining(variants);
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
