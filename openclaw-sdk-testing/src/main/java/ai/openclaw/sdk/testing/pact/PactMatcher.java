package ai.openclaw.sdk.testing.pact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value in an expected body, header, query or path that stands for a matching rule and carries an example. Made by
 * {@link PactMatchers}; the example is what the mock provider answers and what the pact file records, the rule is how
 * a real value is judged.
 */
public final class PactMatcher {
    /** How the matcher shapes the example and its children. */
    enum Shape {
        /** One value, one rule. */
        VALUE,
        /** An array of {@code element}: the rule is {@code type} with min/max, the element's rules apply to each item. */
        EACH_LIKE,
        /** An array holding each variant somewhere: {@code arrayContains}. */
        ARRAY_CONTAINS,
        /** A map whose keys follow {@code inner}. */
        EACH_KEY,
        /** A map or array whose values follow {@code inner}. */
        EACH_VALUE
    }

    final Shape shape;
    final @Nullable Object example;
    final @Nullable ObjectNode rule;
    final int min;
    final int max;
    final List<Object> variants;
    final @Nullable PactMatcher inner;
    /** The generator that replaces the example where it is used (V3 {@code generators}); null for none. */
    final @Nullable ObjectNode generator;

    PactMatcher(
            Shape shape,
            @Nullable Object example,
            @Nullable ObjectNode rule,
            int min,
            int max,
            List<Object> variants,
            @Nullable PactMatcher inner) {
        this(shape, example, rule, min, max, variants, inner, null);
    }

    PactMatcher(
            Shape shape,
            @Nullable Object example,
            @Nullable ObjectNode rule,
            int min,
            int max,
            List<Object> variants,
            @Nullable PactMatcher inner,
            @Nullable ObjectNode generator) {
        this.generator = generator;
        this.shape = Objects.requireNonNull(shape);
        this.example = example;
        this.rule = rule;
        this.min = min;
        this.max = max;
        this.variants = List.copyOf(variants);
        this.inner = inner;
    }

    @Override
    public String toString() {
        return shape == Shape.VALUE ? String.valueOf(rule) + " e.g. " + example : shape + " " + example;
    }
}
