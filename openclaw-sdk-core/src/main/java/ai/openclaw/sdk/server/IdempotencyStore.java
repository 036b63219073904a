package ai.openclaw.sdk.server;

import ai.openclaw.sdk.internal.server.InMemoryIdempotencyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link ServerKit} keeps the responses to requests that carried an {@code Idempotency-Key}, so a client that
 * retries an unsafe request (POST, PUT, PATCH, DELETE) gets the first answer again instead of a second effect. A
 * store is shared by every instance that must recognise the key: the in-memory one serves one process; several
 * instances behind a load balancer need a shared implementation of this interface.
 *
 * <pre>{@code
 * ServerKit.builder("billing-service", contract)
 *         .idempotency(IdempotencyStore.inMemory(Duration.ofHours(24), 10_000))
 * }</pre>
 */
public interface IdempotencyStore {
    /**
     * Claims a key for a request.
     *
     * @param key the {@code Idempotency-Key} header's value
     * @param fingerprint what identifies the request (method, path and body digested): a key sent again with another
     *     request is a client error
     * @return what to do: go on, replay, or refuse
     */
    Claim claim(String key, String fingerprint);

    /** Stores the response to a claimed key, replayed to the retries until the key expires. */
    void complete(String key, StoredResponse response);

    /** Forgets a claimed key whose request failed (a 5xx or an exception): a retry runs it again. */
    void release(String key);

    /**
     * A store in this process's memory.
     *
     * @param ttl how long a key is remembered after its response
     * @param maxKeys how many keys at most; the oldest are forgotten first
     */
    static IdempotencyStore inMemory(Duration ttl, int maxKeys) {
        return new InMemoryIdempotencyStore(ttl, maxKeys, System::nanoTime);
    }

    /**
     * A stored response.
     *
     * @param status the status
     * @param headers its headers
     * @param body its bytes
     */
    record StoredResponse(int status, Map<String, String> headers, byte[] body) {
        /** Copies. */
        public StoredResponse {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /**
     * The outcome of {@link #claim}.
     *
     * @param kind what to do
     * @param response the stored response, for {@link Kind#REPLAY}
     */
    record Claim(Kind kind, @Nullable StoredResponse response) {
        /** Validates. */
        public Claim {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.REPLAY) != (response != null)) {
                throw new IllegalArgumentException("a REPLAY claim, and only it, carries a response");
            }
        }

        /** What a claim says. */
        public enum Kind {
            /** The key is new: run the request and {@link #complete} or {@link #release} the key. */
            NEW,
            /** The same request was answered: send the stored response again. */
            REPLAY,
            /** The same key is being answered right now: refuse with 409. */
            IN_FLIGHT,
            /** The key was used with another request: refuse with 422. */
            MISMATCH
        }
    }
}
