package ai.openclaw.sdk.spring;

import ai.openclaw.sdk.server.ServerKit;
import ai.openclaw.sdk.server.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The server kit in Spring WebFlux: requests to the paths of the service's contract are traced, checked (400
 * problem+json before any handler runs), deduplicated by {@code Idempotency-Key} and their responses checked, as
 * {@link ai.openclaw.sdk.server.ServerKitFilter} does for servlets; other paths pass untouched. The Spring Boot starter
 * registers one in a reactive web application.
 *
 * <pre>{@code
 * @Bean
 * WebFilter serverKit(ServiceRuntime runtime) {
 *     return new ServerKitWebFilter(runtime.serverKit().build());
 * }
 * }</pre>
 *
 * <p>The request body is read whole (up to the kit's limit: a larger one is answered 413 unread), and the handler's
 * response is held until it completes: the kit checks and stores it as a whole, so this filter is for JSON APIs, not
 * for streams. The kit's work and the wait for the handler run on Reactor's bounded-elastic scheduler, never on an
 * event-loop thread; the SERVER span is current on that thread (and the trace ids in its MDC), not inside the
 * handler's own reactive chain.
 */
public final class ServerKitWebFilter implements WebFilter, Ordered {
    private final ServerKit kit;

    /** A filter serving through a kit. */
    public ServerKitWebFilter(ServerKit kit) {
        this.kit = Objects.requireNonNull(kit, "kit");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawPath = request.getPath().pathWithinApplication().value();
        if (!kit.describes(rawPath)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), kit.maxBodyBytes())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                // over the limit: the kit answers 413 from the length alone
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(new byte[kit.maxBodyBytes() + 1]))
                .defaultIfEmpty(new byte[0])
                .publishOn(Schedulers.boundedElastic())
                .map(body -> serve(exchange, chain, rawPath, body))
                .flatMap(out -> write(exchange.getResponse(), request, out));
    }

    private ServerKit.Outbound serve(ServerWebExchange exchange, WebFilterChain chain, String rawPath, byte[] body) {
        ServerHttpRequest request = exchange.getRequest();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        ServerKit.Inbound inbound = new ServerKit.Inbound(
                request.getMethod().name(), rawPath, request.getURI().getRawQuery(), headers, body);
        return kit.handle(inbound, serverRequest -> {
            Capture capture = new Capture(exchange.getResponse());
            ServerHttpRequest replayed = new ServerHttpRequestDecorator(request) {
                @Override
                public Flux<DataBuffer> getBody() {
                    return Flux.defer(() ->
                            Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
                }
            };
            chain.filter(exchange.mutate().request(replayed).response(capture).build())
                    .block();
            Map<String, String> written = new LinkedHashMap<>();
            capture.getHeaders().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    written.put(name, values.get(0));
                }
            });
            HttpStatusCode status = capture.getStatusCode();
            return new ServerResponse(status == null ? 200 : status.value(), written, capture.bytes());
        });
    }

    private static Mono<Void> write(ServerHttpResponse response, ServerHttpRequest request, ServerKit.Outbound out) {
        response.setStatusCode(HttpStatusCode.valueOf(out.status()));
        // what the application set stays (every value); the kit's headers are added over it
        out.headers().forEach((name, value) -> response.getHeaders().set(name, value));
        if (out.body().length == 0 || request.getMethod().name().equals("HEAD")) {
            response.getHeaders().setContentLength(out.body().length);
            return response.setComplete();
        }
        response.getHeaders().setContentLength(out.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(out.body())));
    }

    /** The handler's response: status and headers on the real response, the body kept here. */
    private static final class Capture extends ServerHttpResponseDecorator {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Capture(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> chunks) {
            return Flux.from(chunks)
                    .doOnNext(chunk -> {
                        byte[] bytes = new byte[chunk.readableByteCount()];
                        chunk.read(bytes);
                        DataBufferUtils.release(chunk);
                        synchronized (body) {
                            body.writeBytes(bytes);
                        }
                    })
                    .then();
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> chunks) {
            return writeWith(Flux.from(chunks).concatMap(Flux::from));
        }

        @Override
        public Mono<Void> setComplete() {
            return Mono.empty();
        }

        byte[] bytes() {
            synchronized (body) {
                return body.toByteArray();
            }
        }
    }
}
