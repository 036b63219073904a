package ai.openclaw.sdk.internal.discovery;

import ai.openclaw.sdk.discovery.DiscoveryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Parses and checks instance base URLs. */
public final class InstanceUrls {
    private InstanceUrls() {}

    /**
     * Parses a comma-separated list of base URLs.
     *
     * @param raw the list as written
     * @param origin where it was written, for the error message
     * @throws DiscoveryException naming the origin, and the value unless it may hold credentials
     */
    public static List<URI> parseList(String raw, String origin) {
        List<URI> out = new ArrayList<>();
        for (String part : raw.split(",")) {
            String s = part.strip();
            if (!s.isEmpty()) {
                out.add(check(s, origin));
            }
        }
        return List.copyOf(out);
    }

    /** Checks one base URL: absolute, http or https, with a host and no credentials. */
    public static URI check(String url, String origin) {
        String shown = url.contains("@") ? "(a value with '@', not shown)" : "'" + url + "'";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DiscoveryException(origin + " holds " + shown + ", which is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new DiscoveryException(
                    origin + " holds " + shown + ", which is not an absolute http(s) URL such as http://10.0.0.7:8080");
        }
        if (uri.getRawUserInfo() != null) {
            throw new DiscoveryException(origin + " holds a URL with credentials; instance URLs must not carry them");
        }
        return uri;
    }
}
