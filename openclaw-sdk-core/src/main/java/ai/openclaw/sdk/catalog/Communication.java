package ai.openclaw.sdk.catalog;

/**
 * One entry of a service's {@code communication} list in the catalog: synchronous HTTP to another service ({@link
 * HttpCommunication}) or events published and subscribed ({@link EventCommunication}).
 *
 * <pre>{@code
 * for (Communication c : service.communication()) {
 *     if (c instanceof HttpCommunication http) {
 *         System.out.println("calls " + http.target());
 *     } else if (c instanceof EventCommunication events) {
 *         System.out.println("publishes " + events.publishes());
 *     }
 * }
 * }</pre>
 */
public sealed interface Communication permits HttpCommunication, EventCommunication {}
