/**
 * The seed's user-service on the OpenClaw SDK: users, login and tokens over HTTP, checked against
 * {@code contracts/http/user-service.openapi.yaml}; every change published as an event ({@code user.created},
 * {@code user.updated}, {@code user.deleted}), checked against its contract, in the caller's trace.
 *
 * <pre>{@code
 * try (UserService users = UserService.start(env, 8080)) {
 *     // POST /users, GET|PATCH|DELETE /users/{id}, POST /auth/login, POST /auth/refresh, GET /health/ready
 * }
 * }</pre>
 */
@NullMarked
package ai.openclaw.samples.user;

import org.jspecify.annotations.NullMarked;
