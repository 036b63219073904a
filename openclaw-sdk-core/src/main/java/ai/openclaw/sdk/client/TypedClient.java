package ai.openclaw.sdk.client;

import ai.openclaw.sdk.catalog.HttpMethod;
import com.fasterxml.jackson.databind.JavaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Implements an {@link Http}-annotated interface over one {@link ServiceClient}; checked once, when created. */
final class TypedClient implements InvocationHandler {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]+)}");

    private enum Kind {
        PATH,
        QUERY,
        HEADER,
        BODY,
        IDEMPOTENCY_KEY
    }

    private record Binding(Kind kind, String name) {}

    private record Operation(HttpMethod method, String path, List<Binding> bindings, JavaType result, boolean async) {}

    private final ServiceClient client;
    private final Class<?> api;
    private final Map<Method, Operation> operations;

    private TypedClient(ServiceClient client, Class<?> api, Map<Method, Operation> operations) {
        this.client = client;
        this.api = api;
        this.operations = operations;
    }

    static <T> T create(ServiceClient client, ServiceClients clients, Class<T> api) {
        if (!api.isInterface()) {
            throw new IllegalArgumentException(api.getName() + " is not an interface; a typed client is an interface");
        }
        Map<Method, Operation> operations = new HashMap<>();
        for (Method m : api.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            operations.put(m, plan(clients, m));
        }
        Object proxy = Proxy.newProxyInstance(
                api.getClassLoader(), new Class<?>[] {api}, new TypedClient(client, api, Map.copyOf(operations)));
        return api.cast(proxy);
    }

    private static Operation plan(ServiceClients clients, Method m) {
        String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
        HttpMethod method = null;
        String path = null;
        for (Annotation a : m.getAnnotations()) {
            HttpMethod found = null;
            String template = null;
            if (a instanceof Http.Get g) {
                found = HttpMethod.GET;
                template = g.value();
            } else if (a instanceof Http.Post p) {
                found = HttpMethod.POST;
                template = p.value();
            } else if (a instanceof Http.Put p) {
                found = HttpMethod.PUT;
                template = p.value();
            } else if (a instanceof Http.Patch p) {
                found = HttpMethod.PATCH;
                template = p.value();
            } else if (a instanceof Http.Delete d) {
                found = HttpMethod.DELETE;
                template = d.value();
            }
            if (found != null) {
                if (method != null) {
                    throw invalid(where, "has both @Http." + pretty(method) + " and @Http." + pretty(found));
                }
                method = found;
                path = template;
            }
        }
        if (method == null) {
            throw invalid(where, "has no @Http.Get, @Http.Post, @Http.Put, @Http.Patch or @Http.Delete");
        }
        if (!path.startsWith("/")) {
            throw invalid(where, "path '" + path + "' must start with '/'");
        }
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        List<Binding> bindings = new ArrayList<>();
        Set<String> bound = new LinkedHashSet<>();
        Annotation[][] annotations = m.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            Binding binding = null;
            for (Annotation a : annotations[i]) {
                Binding b = bindingOf(a);
                if (b != null) {
                    if (binding != null) {
                        throw invalid(
                                where,
                                "parameter #" + i + " has two places to go (" + binding.kind() + ", " + b.kind() + ")");
                    }
                    binding = b;
                }
            }
            if (binding == null) {
                throw invalid(
                        where,
                        "parameter #" + i + " has no @Http.Path, @Http.Query, @Http.Header, @Http.Body or"
                                + " @Http.IdempotencyKey");
            }
            if (binding.kind() == Kind.PATH) {
                if (!variables.contains(binding.name())) {
                    throw invalid(where, "@Http.Path(\"" + binding.name() + "\") is not a variable of '" + path + "'");
                }
                if (!bound.add(binding.name())) {
                    throw invalid(where, "path variable '" + binding.name() + "' is bound twice");
                }
            }
            if (binding.kind() == Kind.BODY || binding.kind() == Kind.IDEMPOTENCY_KEY) {
                for (Binding earlier : bindings) {
                    if (earlier.kind() == binding.kind()) {
                        throw invalid(
                                where,
                                "has two @Http." + (binding.kind() == Kind.BODY ? "Body" : "IdempotencyKey")
                                        + " parameters");
                    }
                }
            }
            if (binding.kind() == Kind.BODY && method == HttpMethod.GET) {
                throw invalid(where, "a GET has no body");
            }
            if (binding.kind() == Kind.IDEMPOTENCY_KEY && m.getParameterTypes()[i] != String.class) {
                throw invalid(where, "the @Http.IdempotencyKey parameter must be a String");
            }
            bindings.add(binding);
        }
        variables.removeAll(bound);
        if (!variables.isEmpty()) {
            throw invalid(where, "path variables " + variables + " of '" + path + "' have no @Http.Path parameter");
        }
        Type returned = m.getGenericReturnType();
        boolean async = m.getReturnType() == CompletableFuture.class || m.getReturnType() == CompletionStage.class;
        if (async) {
            if (!(returned instanceof ParameterizedType p)) {
                throw invalid(
                        where, "returns a raw " + m.getReturnType().getSimpleName() + "; say what it completes with");
            }
            returned = p.getActualTypeArguments()[0];
        } else if (m.getReturnType() != Object.class && Future.class.isAssignableFrom(m.getReturnType())) {
            throw invalid(where, "returns " + m.getReturnType().getSimpleName() + "; use CompletableFuture");
        }
        return new Operation(method, path, List.copyOf(bindings), clients.type(returned), async);
    }

    private static @Nullable Binding bindingOf(Annotation a) {
        if (a instanceof Http.Path p) {
            return new Binding(Kind.PATH, p.value());
        } else if (a instanceof Http.Query q) {
            return new Binding(Kind.QUERY, q.value());
        } else if (a instanceof Http.Header h) {
            return new Binding(Kind.HEADER, h.value());
        } else if (a instanceof Http.Body) {
            return new Binding(Kind.BODY, "body");
        } else if (a instanceof Http.IdempotencyKey) {
            return new Binding(Kind.IDEMPOTENCY_KEY, "Idempotency-Key");
        }
        return null;
    }

    private static String pretty(HttpMethod method) {
        String name = method.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static IllegalArgumentException invalid(String where, String problem) {
        return new IllegalArgumentException("typed client " + where + " " + problem);
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> api.getSimpleName() + " calling " + client.service();
                default -> throw new UnsupportedOperationException(method.toString());
            };
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        Operation op = operations.get(method);
        if (op == null) {
            throw new UnsupportedOperationException(method.toString());
        }
        ServiceRequest request = client.request(op.method(), op.path());
        for (int i = 0; i < op.bindings().size(); i++) {
            Binding b = op.bindings().get(i);
            Object value = args[i];
            switch (b.kind()) {
                case PATH -> {
                    if (value == null) {
                        throw new IllegalArgumentException(api.getSimpleName() + "." + method.getName()
                                + ": path variable '" + b.name() + "' is null");
                    }
                    request.pathVariable(b.name(), value);
                }
                case QUERY -> addQuery(request, b.name(), value);
                case HEADER -> {
                    if (value != null) {
                        request.header(b.name(), String.valueOf(value));
                    }
                }
                case BODY -> {
                    if (value != null) {
                        request.body(value);
                    }
                }
                case IDEMPOTENCY_KEY -> {
                    if (value != null) {
                        request.idempotencyKey((String) value);
                    }
                }
            }
        }
        return op.async() ? request.sendAsync(op.result()) : request.send(op.result());
    }

    private static void addQuery(ServiceRequest request, String name, @Nullable Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> values) {
            values.forEach(v -> addQuery(request, name, v));
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                addQuery(request, name, Array.get(value, i));
            }
        } else {
            request.query(name, value);
        }
    }
}
