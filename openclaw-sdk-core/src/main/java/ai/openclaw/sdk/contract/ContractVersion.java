package ai.openclaw.sdk.contract;

import java.util.Objects;

/**
 * A contract version, {@code MAJOR.MINOR}. A new minor must be compatible with every earlier minor of its major; a
 * breaking change needs a new major.
 *
 * <pre>{@code
 * ContractVersion v = ContractVersion.parse("1.2");
 * v.nextMinor();                          // 1.3
 * v.nextMajor();                          // 2.0
 * v.compareTo(ContractVersion.parse("1.10")) < 0; // true: numbers, not text
 * }</pre>
 *
 * @param major the major version, from 0
 * @param minor the minor version, from 0
 */
public record ContractVersion(int major, int minor) implements Comparable<ContractVersion> {

    /** Validates the components. */
    public ContractVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("version numbers must be >= 0, were " + major + "." + minor);
        }
    }

    /**
     * Parses {@code MAJOR.MINOR}.
     *
     * @param text for example {@code "1.0"}
     * @return the version
     * @throws IllegalArgumentException when {@code text} is not of that form
     */
    public static ContractVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        int dot = t.indexOf('.');
        int major = dot < 0 ? -1 : number(t, 0, dot);
        int minor = dot < 0 ? -1 : number(t, dot + 1, t.length());
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("version '" + text + "' is not of the form MAJOR.MINOR, such as 1.0");
        }
        return new ContractVersion(major, minor);
    }

    /**
     * The number {@code text[from, to)} spells: {@code 0}, or 1 to 9 digits without a leading zero; -1 otherwise.
     * Read by hand: every event consumed parses its version.
     */
    private static int number(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 9 || (length > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Whether {@code text} is of the form {@code MAJOR.MINOR}. */
    public static boolean isVersion(String text) {
        int dot = text.indexOf('.');
        return dot >= 0 && number(text, 0, dot) >= 0 && number(text, dot + 1, text.length()) >= 0;
    }

    /** The next minor version of the same major. */
    public ContractVersion nextMinor() {
        return new ContractVersion(major, minor + 1);
    }

    /** The first version of the next major. */
    public ContractVersion nextMajor() {
        return new ContractVersion(major + 1, 0);
    }

    @Override
    public int compareTo(ContractVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    /** {@code MAJOR.MINOR}. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
