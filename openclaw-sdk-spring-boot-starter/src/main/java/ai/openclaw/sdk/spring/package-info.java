/**
 * The OpenClaw SDK in a Spring Boot 4 application: add {@code openclaw-sdk-spring-boot-starter}, name the service
 * ({@code openclaw.service-name} or {@code spring.application.name}) and its Redis ({@code openclaw.redis.url}), and
 * the context holds the service's {@link ai.openclaw.sdk.runtime.ServiceRuntime} and its parts as beans, checks
 * incoming requests against the service's contract, reports health to Actuator and metrics to Micrometer, and runs the
 * {@link ai.openclaw.sdk.spring.OpenClawEventHandler} methods of its beans.
 *
 * <pre>{@code
 * # application.yml
 * spring.application.name: billing-service
 * openclaw:
 *   catalog: classpath:openclaw/services.yaml
 *   contracts: classpath:openclaw/contracts
 *   redis.url: ${REDIS_URL}
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.spring;

import org.jspecify.annotations.NullMarked;
