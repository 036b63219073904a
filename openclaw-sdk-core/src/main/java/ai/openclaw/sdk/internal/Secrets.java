package ai.openclaw.sdk.internal;

import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Keeps credentials out of what the SDK prints, logs, traces or serves. */
public final class Secrets {
    /** {@code scheme://user:password@} or {@code scheme://password@}: the part before {@code @} is a credential. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");

    private Secrets() {}

    /** The text with the user information of every URI in it replaced by {@code ****}; null stays null. */
    public static @Nullable String redact(@Nullable String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return USER_INFO.matcher(text).replaceAll("$1****@");
    }

    /** The URI without its user information, query and fragment: scheme, host, port and path. */
    public static String redact(URI uri) {
        StringBuilder out = new StringBuilder();
        if (uri.getScheme() != null) {
            out.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            out.append(uri.getHost());
            if (uri.getPort() >= 0) {
                out.append(':').append(uri.getPort());
            }
        } else if (uri.getRawAuthority() != null) {
            String authority = uri.getRawAuthority();
            out.append(authority.substring(authority.lastIndexOf('@') + 1));
        }
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        return out.toString();
    }
}
