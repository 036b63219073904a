package ai.openclaw.sdk.discovery;

import ai.openclaw.sdk.internal.discovery.InstancePool;
import java.net.URI;

/**
 * An instance chosen for one call. It counts as in flight until closed; report the call's outcome with {@link
 * #succeeded()} or {@link #failed()} so that discovery can eject an instance that keeps failing.
 *
 * <pre>{@code
 * try (SelectedInstance instance = discovery.select("user-service")) {
 *     Response r = http.send(instance.resolve("/users/42"));
 *     if (r.code() >= 500) instance.failed(); else instance.succeeded();
 * } catch (IOException e) {
 *     // closed without success: counted as a failure when failed() was called, as neither otherwise
 * }
 * }</pre>
 *
 * <p>What counts as a failure is the caller's choice: connection errors and 5xx answers usually do, 4xx answers do
 * not (the instance answered correctly). Not thread-safe; one call, one thread at a time.
 */
public final class SelectedInstance implements AutoCloseable {
    private final String serviceName;
    private final InstancePool.Node node;
    private final long started = System.nanoTime();
    private boolean reported;
    private boolean failed;
    private boolean closed;

    SelectedInstance(String serviceName, InstancePool.Node node) {
        this.serviceName = serviceName;
        this.node = node;
    }

    /** The instance, with its track and version. */
    public ServiceInstance instance() {
        return node.instance();
    }

    /** The service this instance belongs to. */
    public String serviceName() {
        return serviceName;
    }

    /** The instance's base URL, such as {@code http://10.0.0.7:8080}. */
    public URI baseUrl() {
        return node.baseUrl();
    }

    /**
     * The URL of {@code path} on this instance. The base URL's own path, if it has one, is kept as a prefix.
     *
     * @param path an absolute path such as {@code /users/42}, optionally with a query
     * @return the full URL
     */
    public URI resolve(String path) {
        return URI.create(url(path));
    }

    /**
     * The URL of {@code path} on this instance as text, without parsing it into a {@link URI}: what an HTTP client
     * parses anyway. The base URL's own path, if it has one, is kept as a prefix.
     *
     * @param path an absolute path such as {@code /users/42}, optionally with a query
     * @return the full URL
     */
    public String url(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
        }
        String base = node.baseUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + path;
    }

    /** Reports that the call succeeded: the instance's failure count starts again from zero. */
    public void succeeded() {
        if (!reported) {
            reported = true;
            node.recordSuccess();
        }
    }

    /** Reports that the call failed; enough consecutive failures eject the instance for the cool-down. */
    public void failed() {
        if (!reported) {
            reported = true;
            failed = true;
            node.recordFailure();
        }
    }

    /**
     * Ends the call: it no longer counts as in flight, and, when its outcome was reported, it counts in its track's
     * observation (latency from selection to close). Idempotent.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            node.release();
            if (reported) {
                node.recordCall(failed, System.nanoTime() - started);
            }
        }
    }

    @Override
    public String toString() {
        return serviceName + "@" + node.baseUrl();
    }
}
