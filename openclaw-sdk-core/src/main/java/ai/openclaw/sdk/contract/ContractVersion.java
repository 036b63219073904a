package ai.openclaw.sdk.contract;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern FORM = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");

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
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("version '" + text + "' is not of the form MAJOR.MINOR, such as 1.0");
        }
        return new ContractVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether {@code text} is of the form {@code MAJOR.MINOR}. */
    public static boolean isVersion(String text) {
        return FORM.matcher(text).matches();
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
