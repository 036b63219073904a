/** notification-service on Spring Boot 4, through the SDK's starter (docs/spring-boot.md). */
@NullMarked
package ai.openclaw.samples.notification.spring;

import org.jspecify.annotations.NullMarked;
