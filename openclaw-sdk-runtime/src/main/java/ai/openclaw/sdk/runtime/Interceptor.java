package ai.openclaw.sdk.runtime;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A platform team's concern around every publish, handler invocation and client call of a {@link ServiceRuntime}:
 * added once to the runtime, not to each builder. It must call {@link Invocation#proceed()} once and return what it
 * returns, or throw (the failure is then the call's).
 *
 * <pre>{@code
 * ServiceRuntime.builder("billing-service")
 *         .interceptor(invocation -> {
 *             long start = System.nanoTime();
 *             try {
 *                 return invocation.proceed();
 *             } finally {
 *                 audit.record(invocation.kind(), invocation.target(), invocation.operation(), System.nanoTime() - start);
 *             }
 *         })
 * }</pre>
 *
 * <p>Around a publish or a client call it runs once per call, outside the resilience policy (its retries are inside);
 * around a handler once per invocation, inside the in-place retries. The pipelined batches of {@code
 * EventPublisher.publishAll} and {@code publishAsync} are not intercepted.
 */
@FunctionalInterface
public interface Interceptor {
    /**
     * Runs around one invocation.
     *
     * @return what {@link Invocation#proceed()} returned (null for a handler)
     * @throws Exception to fail the invocation
     */
    @Nullable
    Object around(Invocation invocation) throws Exception;

    /** What is intercepted. */
    enum Kind {
        /** An event published by this service ({@code EventPublisher.publish}). */
        PUBLISH,
        /** An event handed to one of this service's handlers. */
        HANDLE,
        /** A call to another service through {@code ServiceClients}. */
        CALL
    }

    /** One intercepted invocation. */
    abstract class Invocation {
        private final Kind kind;
        private final String service;
        private final String target;
        private final String operation;

        /**
         * An invocation.
         *
         * @param kind what it is
         * @param service the runtime's service
         * @param target the stream published to, the event type handled, or the service called
         * @param operation {@code publish user.created}, {@code handle user.created}, {@code GET /users/{id}}
         */
        protected Invocation(Kind kind, String service, String target, String operation) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.service = Objects.requireNonNull(service, "service");
            this.target = Objects.requireNonNull(target, "target");
            this.operation = Objects.requireNonNull(operation, "operation");
        }

        /** What it is. */
        public Kind kind() {
            return kind;
        }

        /** The service of the runtime. */
        public String service() {
            return service;
        }

        /** The stream published to, the event type handled, or the service called. */
        public String target() {
            return target;
        }

        /** {@code publish user.created}, {@code handle user.created}, {@code GET /users/{id}}. */
        public String operation() {
            return operation;
        }

        /** Runs the rest: the next interceptor, or the call itself. */
        public abstract @Nullable Object proceed() throws Exception;

        @Override
        public String toString() {
            return kind + " " + operation + " (" + service + " -> " + target + ")";
        }
    }
}
