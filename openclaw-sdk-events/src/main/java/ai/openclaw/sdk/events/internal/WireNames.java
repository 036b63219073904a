package ai.openclaw.sdk.events.internal;

/**
 * The wire rules of stream names, in one place for the publisher, the subscriber, {@code DeadLetters} and the command
 * line: an event type's stream is the prefix then the type; its dead-letter stream is the stream then the suffix.
 */
public final class WireNames {
    /** The dead-letter suffix unless a subscriber says otherwise. */
    public static final String DEFAULT_DEAD_LETTER_SUFFIX = ".dlq";

    private WireNames() {}

    /** The stream of an event type: {@code prefix + type}, such as {@code user.created} or {@code demo-7:user.created}. */
    public static String stream(String prefix, String eventType) {
        return prefix + eventType;
    }

    /** The dead-letter stream of a stream: {@code stream + suffix}, such as {@code user.created.dlq}. */
    public static String deadLetterStream(String stream, String suffix) {
        return stream + suffix;
    }
}
