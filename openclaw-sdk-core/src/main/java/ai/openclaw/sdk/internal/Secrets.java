package ai.openclaw.sdk.internal;

import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Keeps credentials out of what the SDK prints, logs, traces or serves. */
public final class Secrets {
    /**
     * {@code scheme://user:password@} or {@code scheme://password@}: everything from {@code ://} to the last {@code @}
     * of the same word is a credential, since a password may hold {@code /}, {@code :} or {@code @} unencoded.
     */
    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)\\S*@");

    private Secrets() {}

    /** The text with the user information of every URI in it replaced by {@code ****}; null stays null. */
    public static @Nullable String redact(@Nullable String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return USER_INFO.matcher(text).replaceAll("$1****@");
    }

    /**
     * A URL that may not even parse, fit to print: everything between {@code ://} and its last {@code @} (the user
     * information, whatever characters the password holds, spaces included) becomes {@code ****}, and so does the
     * value of every query parameter.
     */
    public static String redactUrl(String url) {
        String out = url;
        int scheme = out.indexOf("://");
        int at = out.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            out = out.substring(0, scheme + 3) + "****" + out.substring(at);
        }
        int query = out.indexOf('?');
        if (query >= 0) {
            out = out.substring(0, query + 1) + out.substring(query + 1).replaceAll("=[^&]*", "=****");
        }
        return out;
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
