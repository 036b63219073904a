package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.events.redis.RedisTransport;
import io.lettuce.core.RedisURI;
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
            return RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--redis is not a Redis URL: " + e.getMessage());
        }
    }

    /** A transport, or a usage error naming host and port (never the password) when Redis cannot be reached. */
    RedisTransport connect() {
        RedisURI uri = uri();
        try {
            return RedisTransport.create(uri);
        } catch (RuntimeException e) {
            throw new CliException(
                    ExitCode.USAGE,
                    "cannot reach Redis at " + uri.getHost() + ":" + uri.getPort() + " ("
                            + e.getClass().getSimpleName() + ")");
        }
    }

    String stream(String eventType) {
        return prefix + eventType;
    }
}
