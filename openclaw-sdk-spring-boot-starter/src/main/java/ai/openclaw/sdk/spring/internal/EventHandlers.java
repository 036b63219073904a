package ai.openclaw.sdk.spring.internal;

import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.events.EventMetadata;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.spring.OpenClawEventHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link OpenClawEventHandler} methods of the context's beans and, when the context starts, subscribes them
 * all through one subscriber of the runtime; stops it (finishing what it holds) when the context stops.
 */
public final class EventHandlers implements BeanPostProcessor, SmartLifecycle {
    private final ObjectProvider<ServiceRuntime> runtime;
    private final List<Handler> handlers = new ArrayList<>();
    private @Nullable EventSubscriber subscriber;

    public EventHandlers(ObjectProvider<ServiceRuntime> runtime) {
        this.runtime = runtime;
    }

    private record Handler(String eventType, Object bean, Method method, Class<?> payload, boolean withMetadata) {}

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, OpenClawEventHandler> found =
                MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<OpenClawEventHandler>)
                        m -> AnnotatedElementUtils.findMergedAnnotation(m, OpenClawEventHandler.class));
        found.forEach((method, annotation) -> {
            Class<?>[] parameters = method.getParameterTypes();
            boolean metadata = parameters.length == 2 && parameters[1] == EventMetadata.class;
            if (parameters.length != 1 && !metadata) {
                throw new IllegalStateException("@OpenClawEventHandler(\"" + annotation.value() + "\") on " + beanName
                        + "." + method.getName() + " must take the payload, and optionally the EventMetadata");
            }
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            ReflectionUtils.makeAccessible(invocable);
            synchronized (handlers) {
                handlers.add(new Handler(annotation.value(), bean, invocable, parameters[0], metadata));
            }
        });
        return bean;
    }

    /** The event types handled, in the order found. */
    public List<String> eventTypes() {
        synchronized (handlers) {
            return handlers.stream().map(Handler::eventType).toList();
        }
    }

    @Override
    public synchronized void start() {
        List<Handler> all;
        synchronized (handlers) {
            all = List.copyOf(handlers);
        }
        if (all.isEmpty() || subscriber != null) {
            return;
        }
        EventSubscriber s = runtime.getObject().subscriber(b -> all.forEach(h -> on(b, h)));
        s.start();
        subscriber = s;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void on(EventSubscriber.Builder builder, Handler h) {
        if (h.payload() == EventEnvelope.class) {
            builder.onEnvelope(h.eventType(), (envelope, metadata) -> invoke(h, envelope, metadata));
        } else {
            builder.on(h.eventType(), (Class) h.payload(), (payload, metadata) -> invoke(h, payload, metadata));
        }
    }

    private static void invoke(Handler h, Object payload, EventMetadata metadata) throws Exception {
        try {
            if (h.withMetadata()) {
                h.method().invoke(h.bean(), payload, metadata);
            } else {
                h.method().invoke(h.bean(), payload);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        if (subscriber != null) {
            subscriber.close();
            subscriber = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return subscriber != null;
    }

    /** Starts last, after the web server; stops first, before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
