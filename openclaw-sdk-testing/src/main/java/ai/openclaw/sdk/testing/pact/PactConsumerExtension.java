package ai.openclaw.sdk.testing.pact;

import ai.openclaw.sdk.discovery.InstanceSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link PactConsumerTest}. For each test:
 *
 * <ol>
 *   <li>before it, calls the {@link Pact} methods the test names ({@link PactTestFor}) and starts a {@link
 *       MockProvider} for each pact, on a free loopback port; sets the system property {@code
 *       openclaw.service.<provider>.url} to the mock's URL, so a {@link ai.openclaw.sdk.discovery.ServiceDiscovery}
 *       built with its defaults finds it (the previous value comes back after the test);
 *   <li>resolves test and {@code @BeforeEach} parameters of type {@link MockProvider}, {@link URI} (its base URL),
 *       {@link InstanceSource} and {@link ConsumerPact}, picked by {@link ForProvider} when there are several;
 *   <li>after it, when the test passed, fails it if an interaction was not exercised (HTTP or message) or a request
 *       matched no interaction, naming each; stops the mocks;
 *   <li>after the class, writes the pact files ({@code target/pacts/<consumer>-<provider>.json}) with the
 *       interactions of the tests that passed.
 * </ol>
 *
 * <pre>{@code
 * @ExtendWith(PactConsumerExtension.class)   // what @PactConsumerTest says
 * class UserClientPactTest { ... }
 * }</pre>
 *
 * <p>The system property is process-wide: tests that run in parallel should take the mock from a parameter rather than
 * from discovery's defaults.
 */
public final class PactConsumerExtension
        implements BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PactConsumerExtension.class);
    private static final String RUNNING = "running";
    private static final String PASSED = "passed";

    /** The mocks of one test and the system properties they replaced. */
    private record Running(List<MockProvider> mocks, Map<String, @Nullable String> replaced) {}

    /** Used by JUnit through {@link PactConsumerTest} or {@code @ExtendWith}. */
    public PactConsumerExtension() {}

    /** The system property discovery reads for a service's URL. */
    static String urlProperty(String service) {
        return "openclaw.service." + service + ".url";
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<Object> instances = context.getRequiredTestInstances().getAllInstances(); // outermost first
        List<MockProvider> mocks = new ArrayList<>();
        Map<String, @Nullable String> replaced = new LinkedHashMap<>();
        Running running = new Running(mocks, replaced);
        try {
            for (Method m : pactMethods(context.getRequiredTestClass(), context.getRequiredTestMethod())) {
                ConsumerPact pact = call(m, instanceFor(m, instances));
                for (MockProvider other : mocks) {
                    if (other.pact().provider().equals(pact.provider())) {
                        throw new ExtensionConfigurationException(
                                "@Pact methods of one test each need their own provider: " + pact.provider()
                                        + " has two; put its interactions in one pact");
                    }
                }
                MockProvider mock = MockProvider.start(pact);
                mocks.add(mock);
                String key = urlProperty(pact.provider());
                replaced.put(key, System.getProperty(key));
                System.setProperty(key, mock.baseUrl().toString());
            }
        } catch (RuntimeException | Error e) {
            stop(running);
            throw e;
        }
        context.getStore(NAMESPACE).put(RUNNING, running);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(RUNNING, Running.class);
        if (running == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (MockProvider mock : running.mocks) {
            String provider = mock.pact().provider();
            mock.pact().unexercised().forEach(d -> problems.add(provider + ": interaction not exercised: " + d));
            mock.unexpectedRequests().forEach(u -> problems.add(provider + ": unexpected request: " + u));
        }
        stop(running);
        if (context.getExecutionException().isPresent()) {
            return; // the test failed on its own: its interactions are not written
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left " + problems.size()
                    + " problem(s) with its pacts:\n  " + String.join("\n  ", problems));
        }
        ExtensionContext classContext = context.getParent().orElse(context);
        synchronized (PactConsumerExtension.class) {
            ExtensionContext.Store store = classContext.getStore(NAMESPACE);
            @SuppressWarnings("unchecked")
            List<ConsumerPact> passed = store.get(PASSED, List.class);
            if (passed == null) {
                passed = new ArrayList<>();
                store.put(PASSED, passed);
            }
            for (MockProvider mock : running.mocks) {
                passed.add(mock.pact());
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<?> passed;
        synchronized (PactConsumerExtension.class) {
            passed = context.getStore(NAMESPACE).remove(PASSED, List.class);
        }
        if (passed != null) {
            for (Object pact : passed) {
                ((ConsumerPact) pact).write();
            }
        }
    }

    private static void stop(Running running) {
        running.replaced.forEach((key, previous) -> {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        });
        running.mocks.forEach(MockProvider::close);
    }

    /** The test instance (of a {@code @Nested} class or one enclosing it) that declares {@code m}. */
    private static @Nullable Object instanceFor(Method m, List<Object> instances) {
        for (int i = instances.size() - 1; i >= 0; i--) {
            if (m.getDeclaringClass().isInstance(instances.get(i))) {
                return instances.get(i);
            }
        }
        return null; // static, or declared where no instance is: call() says so
    }

    /**
     * The {@code @Pact} methods a test names, or the class's only one; a {@code @Nested} class sees those of the
     * classes enclosing it too, its own first.
     */
    static List<Method> pactMethods(Class<?> testClass, Method test) {
        Map<String, Method> all = new java.util.TreeMap<>(); // by name: messages list them in a stable order
        PactTestFor names = test.getAnnotation(PactTestFor.class);
        for (Class<?> level = testClass; level != null; level = level.getEnclosingClass()) {
            for (Class<?> c = level; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Pact.class)) {
                        check(m);
                        all.putIfAbsent(m.getName(), m);
                    }
                }
            }
            if (names == null) {
                names = level.getAnnotation(PactTestFor.class);
            }
        }
        if (names == null || names.value().length == 0) {
            if (all.size() != 1) {
                throw new ExtensionConfigurationException(testClass.getSimpleName() + "." + test.getName()
                        + ": name its pacts with @PactTestFor; the class has "
                        + (all.isEmpty() ? "no @Pact method" : "the @Pact methods " + all.keySet()));
            }
            return List.copyOf(all.values());
        }
        List<Method> out = new ArrayList<>();
        for (String name : names.value()) {
            Method m = all.get(name);
            if (m == null) {
                throw new ExtensionConfigurationException(testClass.getSimpleName() + "." + test.getName()
                        + ": @PactTestFor names '" + name + "', which is not a @Pact method of the class (those are "
                        + all.keySet() + ")");
            }
            out.add(m);
        }
        return out;
    }

    private static void check(Method m) {
        if (m.getParameterCount() != 0 || !ConsumerPact.class.isAssignableFrom(m.getReturnType())) {
            throw new ExtensionConfigurationException(
                    "@Pact method " + m.getDeclaringClass().getSimpleName() + "." + m.getName()
                            + " must take no parameters and return ConsumerPact");
        }
    }

    private static ConsumerPact call(Method m, @Nullable Object instance) {
        try {
            m.setAccessible(true);
            if (!Modifier.isStatic(m.getModifiers()) && instance == null) {
                throw new ExtensionConfigurationException("@Pact method " + m.getName() + " is an instance method of "
                        + m.getDeclaringClass().getSimpleName() + ", which has no instance here: make it static");
            }
            Object pact = m.invoke(Modifier.isStatic(m.getModifiers()) ? null : instance);
            if (pact == null) {
                throw new ExtensionConfigurationException("@Pact method " + m.getName() + " returned null");
            }
            return (ConsumerPact) pact;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ExtensionConfigurationException("@Pact method " + m.getName() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("cannot call @Pact method " + m.getName() + ": " + e, e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return (type == MockProvider.class
                        || type == URI.class
                        || type == InstanceSource.class
                        || type == ConsumerPact.class)
                && context.getTestMethod().isPresent()
                && !(parameter.getDeclaringExecutable() instanceof java.lang.reflect.Constructor<?>);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(RUNNING, Running.class);
        Parameter p = parameter.getParameter();
        if (running == null || running.mocks.isEmpty()) {
            throw new ParameterResolutionException("no pact mock runs for " + p + " (is it a @Pact method's test?)");
        }
        MockProvider mock = pick(running.mocks, parameter.findAnnotation(ForProvider.class), p);
        Class<?> type = p.getType();
        if (type == MockProvider.class) {
            return mock;
        }
        if (type == URI.class) {
            return mock.baseUrl();
        }
        if (type == InstanceSource.class) {
            return mock.instanceSource();
        }
        return mock.pact();
    }

    private static MockProvider pick(List<MockProvider> mocks, Optional<ForProvider> which, Parameter p) {
        if (which.isEmpty()) {
            if (mocks.size() == 1) {
                return mocks.get(0);
            }
            throw new ParameterResolutionException(
                    p + ": the test runs mocks of " + providers(mocks) + "; say which with @ForProvider");
        }
        for (MockProvider m : mocks) {
            if (m.pact().provider().equals(which.get().value())) {
                return m;
            }
        }
        throw new ParameterResolutionException(p + ": @ForProvider(\""
                + which.get().value() + "\") names no mock of this test; it runs " + providers(mocks));
    }

    private static List<String> providers(List<MockProvider> mocks) {
        return mocks.stream().map(m -> m.pact().provider()).toList();
    }
}
