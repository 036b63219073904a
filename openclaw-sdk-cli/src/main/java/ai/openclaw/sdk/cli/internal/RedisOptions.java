package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.events.internal.WireNames;
import ai.openclaw.sdk.events.redis.RedisTransport;
import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --redis URL}: which Redis to inspect; default {@code REDIS_URL}, else {@code redis://localhost:6379}. */
public final class RedisOptions {
    @Option(
            names = "--redis",
            paramLabel = "URL",
            description = "redis://[user:password@]host:port (rediss:// for TLS). Default: $REDIS_URL, else"
                    + " redis://localhost:6379.")
    String redis;

    @Option(
            names = "--prefix",
            paramLabel = "PREFIX",
            defaultValue = "",
            description = "Stream key prefix. Default: none.")
    String prefix;

    RedisURI uri() {
        String url = redis != null ? redis : System.getenv().getOrDefault("REDIS_URL", "redis://localhost:6379");
        try {
            return RedisTransport.uri(url);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--redis: " + e.getMessage()); // never holds the password
        }
    }

    /**
     * A transport, or a usage error naming host and port (never the password) when Redis cannot be reached or refuses
     * the credentials.
     */
    RedisTransport connect() {
        RedisURI uri = uri();
        try {
            return RedisTransport.create(uri);
        } catch (RuntimeException e) {
            String where = uri.getHost() + ":" + uri.getPort();
            String refusal = credentialsRefusal(e);
            throw new CliException(
                    ExitCode.USAGE,
                    refusal != null
                            ? "Redis at " + where + " refused the credentials (" + refusal + ")"
                            : "cannot reach Redis at " + where + " ("
                                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The error code when Redis answered, but refused the user or password (WRONGPASS, NOAUTH, NOPERM). */
    private static @Nullable String credentialsRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            for (String code : new String[] {"WRONGPASS", "NOAUTH", "NOPERM", "ERR invalid password"}) {
                if (m.startsWith(code)) {
                    return code;
                }
            }
        }
        return null;
    }

    String stream(String eventType) {
        return WireNames.stream(prefix, eventType);
    }
}
