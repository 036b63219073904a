package ai.openclaw.sdk.events.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Unique, time-sortable event ids: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds then random bits. */
public final class EventIds {
    private EventIds() {}

    /** A new id. */
    public static String next(Clock clock) {
        long millis = clock.millis();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
