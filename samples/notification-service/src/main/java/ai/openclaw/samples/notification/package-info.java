/**
 * notification-service on the OpenClaw SDK: a welcome message for each {@code user.created}, through a {@link
 * ai.openclaw.samples.notification.Mailer}. It has no API of its own; it serves only its health endpoints.
 *
 * <pre>{@code
 * try (NotificationService notifications = NotificationService.start(env, 8083, new Outbox())) { ... }
 * }</pre>
 */
@NullMarked
package ai.openclaw.samples.notification;

import org.jspecify.annotations.NullMarked;
