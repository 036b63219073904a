package ai.openclaw.sdk.testing.stub;

import ai.openclaw.sdk.contract.ContractRegistry;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs a {@link StubService} for a test class: started before the first test, reset (back to
 * the contract's stubs, violations forgotten) before each, checked after each (a test whose code sent a request that
 * breaks the contract fails, naming the request and the rule), stopped after the last.
 *
 * <pre>{@code
 * class BillingTrialsTest {
 *     @RegisterExtension
 *     static final StubServiceExtension USERS = StubServiceExtension.of("user-service", Path.of("contracts"));
 *
 *     @Test
 *     void startsATrial() {
 *         ServiceDiscovery discovery = ServiceDiscovery.builder().addSource(USERS.stub().instanceSource()).build();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class StubServiceExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private final String service;
    private final Path contracts;
    private @Nullable StubService stub;

    private StubServiceExtension(String service, Path contracts) {
        this.service = Objects.requireNonNull(service, "service");
        this.contracts = Objects.requireNonNull(contracts, "contracts");
    }

    /** A stub of {@code service} from the HTTP contract in {@code contractsDirectory} ({@code http/<service>.openapi.*}). */
    public static StubServiceExtension of(String service, Path contractsDirectory) {
        return new StubServiceExtension(service, contractsDirectory);
    }

    /**
     * The running stub.
     *
     * @throws IllegalStateException outside the tests of the class that registered the extension
     */
    public StubService stub() {
        StubService s = stub;
        if (s == null) {
            throw new IllegalStateException("the " + service + " stub runs only during the tests of its class");
        }
        return s;
    }

    private synchronized StubService started() {
        if (stub == null) {
            stub = StubService.start(service, ContractRegistry.load(contracts));
        }
        return stub;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        started().reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            check();
        }
    }

    /** What {@link #afterEach} does when the test itself passed: fails on any request that broke the contract. */
    void check() {
        StubService s = stub;
        if (s != null) {
            s.assertNoViolations();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }
}
