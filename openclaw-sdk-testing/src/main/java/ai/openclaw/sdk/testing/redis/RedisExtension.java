package ai.openclaw.sdk.testing.redis;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that provides a real Redis ({@link RedisServer}: {@code REDIS_URL}, else {@code redis-server}
 * on {@code PATH}, else the binary from the embedded-redis artifact) and empties it before each test.
 *
 * <pre>{@code
 * @ExtendWith(RedisExtension.class)           // one server for the whole test run
 * class OrderEventsIT {
 *     @Test
 *     void publishes(RedisServer redis) {     // injected
 *         RedisClient client = RedisClient.create(redis.uri().toString());
 *     }
 * }
 *
 * class RestartIT {
 *     @RegisterExtension
 *     static final RedisExtension REDIS = RedisExtension.perClass(); // its own server, stopped after the class
 * }
 * }</pre>
 */
public final class RedisExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisExtension.class);

    private final boolean perClass;

    /** The extension with a server shared by the whole test run (used by {@code @ExtendWith}). */
    public RedisExtension() {
        this(false);
    }

    private RedisExtension(boolean perClass) {
        this.perClass = perClass;
    }

    /** A server shared by every test class of the run, started once, stopped when the run ends. */
    public static RedisExtension perSuite() {
        return new RedisExtension(false);
    }

    /** A server for one test class, stopped after it. */
    public static RedisExtension perClass() {
        return new RedisExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RedisServer server = server(context);
        if (!server.isUp()) {
            server.startAgain(); // a test that stopped or killed it
        }
        server.flushAll();
    }

    /** The server of this extension in this context. */
    public RedisServer server(ExtensionContext context) {
        ExtensionContext owner = perClass ? classContext(context) : context.getRoot();
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        perClass ? owner.getUniqueId() : "suite", k -> new Started(RedisServer.start()), Started.class)
                .server;
    }

    /**
     * Closed by JUnit when its context ends, whichever JUnit: 5.10 to 5.12 close a stored {@code CloseableResource},
     * 5.13 and later an {@link AutoCloseable} (and warn about a value that is only the former). Either way once.
     */
    @SuppressWarnings("deprecation")
    private record Started(RedisServer server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }
}
