package ai.openclaw.samples.notification;

/**
 * Sends messages: SMTP or a provider's API in production, an {@link Outbox} in the samples.
 *
 * <pre>{@code
 * Mailer mailer = message -> smtp.send(message.to(), message.subject(), message.text());
 * }</pre>
 */
@FunctionalInterface
public interface Mailer {
    /**
     * A message.
     *
     * @param to the recipient's address
     * @param subject the subject line
     * @param text the plain text
     */
    record Message(String to, String subject, String text) {}

    /**
     * Sends a message.
     *
     * @throws MailRejectedException when the address cannot receive mail; other exceptions are temporary failures
     */
    void send(Message message);

    /** The recipient's server refused the message for good (an SMTP 5xx). */
    final class MailRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A refusal naming the address and the reason. */
        public MailRejectedException(String message) {
            super(message);
        }
    }
}
