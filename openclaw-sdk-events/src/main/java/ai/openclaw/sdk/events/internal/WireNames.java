package ai.openclaw.sdk.events.internal;

/**
 * The wire rules of stream names, in one place for the publisher, the subscriber, {@code DeadLetters} and the command
 * line: an event type's stream is the prefix then the type; its dead-letter stream is the stream then the suffix.
 */
public final class WireNames {
    /** The dead-letter suffix unless a subscriber says otherwise. */
    public static final String DEFAULT_DEAD_LETTER_SUFFIX = ".dlq";

    /** The one field of a stream entry, which holds the envelope: {@code XADD stream * data <envelope>}. */
    public static final String ENTRY_FIELD = "data";

    private WireNames() {}

    /** The stream of an event type: {@code prefix + type}, such as {@code user.created} or {@code demo-7:user.created}. */
    public static String stream(String prefix, String eventType) {
        return prefix + eventType;
    }

    /** The dead-letter stream of a stream: {@code stream + suffix}, such as {@code user.created.dlq}. */
    public static String deadLetterStream(String stream, String suffix) {
        return stream + suffix;
    }

    /** What every reply inbox's name begins with, after the prefix. */
    public static final String REPLY_INBOX = "reply:";

    /**
     * The prefix of an instance's reply inboxes, which an inbox subscriber reads with the reply type after it: {@code
     * prefix + "reply:" + service + "@" + instance + ":"}. With a null instance, the service's shared inbox: any
     * instance of it reads a reply.
     */
    public static String replyInboxPrefix(
            String prefix, String service, @org.jspecify.annotations.Nullable String instance) {
        return prefix + REPLY_INBOX + service + (instance == null ? "" : "@" + instance) + ":";
    }

    /** A reply inbox: {@code reply:billing-service@host-1:billing.status_reported}. */
    public static String replyInbox(
            String prefix, String service, @org.jspecify.annotations.Nullable String instance, String replyType) {
        return replyInboxPrefix(prefix, service, instance) + replyType;
    }

    /**
     * The asking service and instance a reply inbox names, when the name is an inbox for {@code replyType} under
     * {@code prefix}: {@code [service, instance or null]}; else null. Responders write only to such streams.
     */
    public static String @org.jspecify.annotations.Nullable [] parseReplyInbox(
            String prefix, String replyType, String stream) {
        String head = prefix + REPLY_INBOX;
        String tail = ":" + replyType;
        if (!stream.startsWith(head) || !stream.endsWith(tail) || stream.length() <= head.length() + tail.length()) {
            return null;
        }
        String who = stream.substring(head.length(), stream.length() - tail.length());
        int at = who.indexOf('@');
        String service = at < 0 ? who : who.substring(0, at);
        String instance = at < 0 ? null : who.substring(at + 1);
        if (service.isEmpty()
                || service.indexOf(':') >= 0
                || (instance != null && (instance.isEmpty() || instance.indexOf(':') >= 0))) {
            return null;
        }
        return new String[] {service, instance};
    }
}
