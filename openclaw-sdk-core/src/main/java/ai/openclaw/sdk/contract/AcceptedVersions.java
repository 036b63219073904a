package ai.openclaw.sdk.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The versions of an event a consumer accepts, as it declares them: a comma-separated list of {@code 1} or {@code
 * 1.x} (every minor of major 1), {@code 1.2+} (1.2 and later minors of major 1) or {@code 1.2} (exactly 1.2).
 * Minors of one major are compatible by the version rule, so a consumer normally names majors.
 *
 * <pre>{@code
 * AcceptedVersions accepted = AcceptedVersions.parse("1.x, 2.1+");
 * accepted.accepts(ContractVersion.parse("1.7")); // true
 * accepted.accepts(ContractVersion.parse("2.0")); // false
 * }</pre>
 */
public final class AcceptedVersions {
    private record Range(int major, int minMinor, boolean exact) {
        boolean accepts(ContractVersion v) {
            return v.major() == major && (exact ? v.minor() == minMinor : v.minor() >= minMinor);
        }

        @Override
        public String toString() {
            return exact ? major + "." + minMinor : minMinor == 0 ? major + ".x" : major + "." + minMinor + "+";
        }
    }

    private final List<Range> ranges;

    private AcceptedVersions(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses a declaration.
     *
     * @param declaration such as {@code "1.x"}, {@code "1, 2"} or {@code "2.1+"}
     * @return the accepted versions
     * @throws IllegalArgumentException naming the part that is not one of the forms
     */
    public static AcceptedVersions parse(String declaration) {
        Objects.requireNonNull(declaration, "declaration");
        List<Range> ranges = new ArrayList<>();
        for (String raw : declaration.split(",")) {
            String part = raw.strip();
            if (part.matches("\\d{1,9}(\\.x)?")) {
                ranges.add(new Range(Integer.parseInt(part.replace(".x", "")), 0, false));
            } else if (part.matches("\\d{1,9}\\.\\d{1,9}\\+")) {
                ContractVersion v = ContractVersion.parse(part.substring(0, part.length() - 1));
                ranges.add(new Range(v.major(), v.minor(), false));
            } else if (ContractVersion.isVersion(part)) {
                ContractVersion v = ContractVersion.parse(part);
                ranges.add(new Range(v.major(), v.minor(), true));
            } else {
                throw new IllegalArgumentException(
                        "accepted version '" + part + "' in '" + declaration + "' is none of 1, 1.x, 1.2+ or 1.2");
            }
        }
        return new AcceptedVersions(ranges);
    }

    /** Every minor of the given majors. */
    public static AcceptedVersions majors(int... majors) {
        List<Range> ranges = new ArrayList<>();
        for (int m : majors) {
            ranges.add(new Range(m, 0, false));
        }
        return new AcceptedVersions(ranges);
    }

    /** Whether a received version is acceptable. */
    public boolean accepts(ContractVersion version) {
        Objects.requireNonNull(version, "version");
        return ranges.stream().anyMatch(r -> r.accepts(version));
    }

    /** The declaration in its canonical form, such as {@code 1.x, 2.1+}. */
    @Override
    public String toString() {
        return String.join(", ", ranges.stream().map(Range::toString).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AcceptedVersions other && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }
}
