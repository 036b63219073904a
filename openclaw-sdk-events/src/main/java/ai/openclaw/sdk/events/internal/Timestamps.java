package ai.openclaw.sdk.events.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 timestamps as envelopes carry them. {@link Instant#parse} costs about as much as parsing the whole JSON
 * envelope; the usual shape ({@code 2026-11-22T10:00:00.123Z} or with an offset such as {@code +01:00}) is read here by
 * hand, anything else by {@link Instant#parse}, with the same results and the same errors.
 */
public final class Timestamps {
    private Timestamps() {}

    /**
     * The instant of an RFC 3339 timestamp.
     *
     * @throws DateTimeParseException when it is not one
     */
    public static Instant parse(String text) {
        Instant fast = fast(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /**
     * The same text as {@link Instant#toString()} ({@code 2026-11-22T10:00:00.123Z}: the fraction in groups of three
     * digits, left out when zero), written by hand for the years 0 to 9999 and by {@code toString} otherwise.
     */
    public static String format(Instant instant) {
        char[] out = new char[MAX_CHARS];
        int n = format(instant, out);
        return n < 0 ? instant.toString() : new String(out, 0, n);
    }

    /** The most chars {@link #format(Instant, char[])} writes. */
    public static final int MAX_CHARS = 30;

    /**
     * Writes {@link #format(Instant)}'s text into {@code out} (at least {@link #MAX_CHARS} long) without allocating.
     *
     * @return the number of chars written, or -1 for a year outside 0 to 9999 (then use {@code toString})
     */
    public static int format(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        if (day < MIN_DAY || day > MAX_DAY) {
            return -1;
        }
        // the civil date of a day count (proleptic Gregorian), by whole 400-year eras
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int at = digits(out, 0, year, 4);
        out[at++] = '-';
        at = digits(out, at, month, 2);
        out[at++] = '-';
        at = digits(out, at, dayOfMonth, 2);
        out[at++] = 'T';
        at = digits(out, at, secondOfDay / 3_600, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay / 60 % 60, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            out[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                at = digits(out, at, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                at = digits(out, at, nanos / 1_000, 6);
            } else {
                at = digits(out, at, nanos, 9);
            }
        }
        out[at++] = 'Z';
        return at;
    }

    private static final long MIN_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    /** {@code value} as exactly {@code width} decimal digits, zero-padded, at {@code at}; the index after them. */
    private static int digits(char[] out, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return at + width;
    }

    /** The common shapes, or null to let {@link Instant#parse} decide. */
    private static Instant fast(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(s, start, count);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // an impossible date: Instant.parse gives the error
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The value of {@code count} decimal digits from {@code start}, or -1 when one is not a digit. */
    private static int digits(String s, int start, int count) {
        int v = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
