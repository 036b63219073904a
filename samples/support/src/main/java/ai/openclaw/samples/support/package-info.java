/**
 * What the three sample services share: {@link ai.openclaw.samples.support.SampleEnvironment} (a {@code
 * ServiceRuntime} per service from the samples' settings, with the process's transport, discovery and telemetry) and
 * {@link ai.openclaw.samples.support.SampleServer} (JSON routes on the JDK's HTTP server through the runtime's server
 * kit, each request checked against the service's own OpenAPI contract, a SERVER span, the health endpoints).
 *
 * <pre>{@code
 * SampleEnvironment env = SampleEnvironment.of(Path.of("samples"), Map.of(), r -> r.transport(redis));
 * ServiceRuntime runtime = env.runtime("user-service");
 * SampleServer server = SampleServer.builder("user-service", runtime)
 *         .route("GET /users/{id}", r -> ServerResponse.ok(find(r.variable("id"))))
 *         .start(8080);
 * }</pre>
 */
@NullMarked
package ai.openclaw.samples.support;

import org.jspecify.annotations.NullMarked;
