package ai.openclaw.sdk.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An instance of a service as discovery knows it: its base URL, its track ({@value #STABLE}, {@value #CANARY}, or
 * another name) and, when known, its version.
 *
 * <pre>{@code
 * // any source: the catalog's instances, OPENCLAW_SERVICE_<NAME>_URL, openclaw.service.<name>.url, InstanceSource
 * //   http://10.0.0.7:8080                              -> stable
 * //   http://10.0.0.9:8080#track=canary&version=1.5.0   -> canary, version 1.5.0
 * //   http://10.0.0.9:8080#canary                       -> canary
 * ServiceInstance i = ServiceInstance.parse(URI.create("http://10.0.0.9:8080#track=canary&version=1.5.0"));
 * i.baseUrl();   // http://10.0.0.9:8080
 * }</pre>
 *
 * <p>The track and version ride in the URL's fragment, which HTTP never sends, so every source that lists URLs can say
 * them without a format of its own; a source may also build instances directly ({@link
 * InstanceSource#serviceInstances}).
 *
 * @param baseUrl the base URL, without a fragment
 * @param track the track: {@value #STABLE} unless said otherwise
 * @param version the version, when known
 */
public record ServiceInstance(URI baseUrl, String track, Optional<String> version) {
    /** The track of instances that say none. */
    public static final String STABLE = "stable";

    /** The track a canary split sends its share of calls to. */
    public static final String CANARY = "canary";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    /** Validates the components. */
    public ServiceInstance {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(version, "version");
        if (baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("a base URL has no fragment: " + baseUrl.getScheme() + "://"
                    + baseUrl.getHost() + " (track and version are components of their own)");
        }
        if (!TOKEN.matcher(track).matches()) {
            throw new IllegalArgumentException("a track is a word of letters, digits and ._+-, was '" + track + "'");
        }
        version.ifPresent(v -> {
            if (!TOKEN.matcher(v).matches()) {
                throw new IllegalArgumentException("a version is a word of letters, digits and ._+-");
            }
        });
    }

    /** A stable instance of unknown version. */
    public static ServiceInstance stable(URI baseUrl) {
        return new ServiceInstance(baseUrl, STABLE, Optional.empty());
    }

    /**
     * An instance from a URL whose fragment may say its track and version: {@code #track=canary&version=1.5.0}, or
     * {@code #canary} for the track alone.
     *
     * @throws DiscoveryException when the fragment says something else
     */
    public static ServiceInstance parse(URI url) {
        String fragment = url.getFragment();
        if (fragment == null) {
            return stable(url);
        }
        URI base;
        try {
            base = new URI(url.getScheme(), url.getRawAuthority(), url.getRawPath(), url.getRawQuery(), null);
            base = new URI(base.toString().replace("%25", "%")); // keep the path's own escapes as they were
        } catch (URISyntaxException e) {
            throw new DiscoveryException("the instance URL " + url.getScheme() + "://" + url.getHost()
                    + " cannot be written without its fragment: " + e.getReason());
        }
        String track = STABLE;
        String version = null;
        for (String part : fragment.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? "track" : part.substring(0, eq);
            String value = eq < 0 ? part : part.substring(eq + 1);
            switch (key) {
                case "track" -> track = value;
                case "version" -> version = value;
                default ->
                    throw new DiscoveryException("the instance URL " + url.getScheme() + "://" + url.getHost() + ":"
                            + url.getPort() + " has '" + key + "' in its fragment; it may say track=<name> and"
                            + " version=<version> only");
            }
        }
        try {
            return new ServiceInstance(base, track, Optional.ofNullable(version));
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("the instance URL " + url.getScheme() + "://" + url.getHost() + ":"
                    + url.getPort() + " says a track or version that is not a word: " + e.getMessage());
        }
    }

    /** Whether this instance is on the {@value #CANARY} track. */
    public boolean isCanary() {
        return CANARY.equals(track);
    }

    /** The URL with the track and version in its fragment, as sources list it. */
    public URI toUrl() {
        if (track.equals(STABLE) && version.isEmpty()) {
            return baseUrl;
        }
        return URI.create(
                baseUrl + "#track=" + track + version.map(v -> "&version=" + v).orElse(""));
    }
}
