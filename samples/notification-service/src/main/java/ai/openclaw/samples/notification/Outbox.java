package ai.openclaw.samples.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A {@link Mailer} that keeps the last 100 messages sent instead of sending them, and refuses addresses under the
 * reserved {@code .invalid} domain (RFC 2606) as a real mail server would: for good, every time.
 *
 * <pre>{@code
 * Outbox outbox = new Outbox(m -> System.out.println("mail to " + m.to()));
 * }</pre>
 */
public final class Outbox implements Mailer {
    private static final int KEPT = 100;

    private final Deque<Message> sent = new ArrayDeque<>();
    private final Consumer<Message> onSend;

    /** An outbox. */
    public Outbox() {
        this(m -> {});
    }

    /** An outbox that also tells {@code onSend} of each message sent. */
    public Outbox(Consumer<Message> onSend) {
        this.onSend = onSend;
    }

    @Override
    public void send(Message message) {
        if (message.to().toLowerCase(Locale.ROOT).endsWith(".invalid")) {
            throw new MailRejectedException("550 5.1.2 " + domain(message.to()) + ": domain does not accept mail");
        }
        synchronized (sent) {
            if (sent.size() == KEPT) {
                sent.removeFirst();
            }
            sent.addLast(message);
        }
        onSend.accept(message);
    }

    /** The messages sent, oldest first (at most the last 100). */
    public List<Message> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}
