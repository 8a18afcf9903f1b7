package org.kairan.core.minutes;

import java.time.Duration;

/**
 * The WebVTT cue timings line ({@code 00:01:02.500 --> 00:01:05.000 align:start}), read as the WebVTT spec's "collect
 * WebVTT cue timings and settings" and "collect a WebVTT timestamp" say: hours optional (any number of digits when
 * given), minutes and seconds two digits and at most 59, exactly three digits of milliseconds, white space (space,
 * tab, form feed) allowed around the arrow. The settings after the end time are ignored: minutes have no layout.
 */
final class VttTimestamps {

    /** Start and end of a cue, in milliseconds. */
    record Timings(Duration start, Duration end) {
    }

    private final String line;
    private int position;

    private VttTimestamps(String line) {
        this.line = line;
    }

    /** The timings of the line, or null when the line does not start with valid timings. */
    static Timings parse(String line) {
        VttTimestamps parser = new VttTimestamps(line);
        parser.skipWhitespace();
        long start = parser.timestamp();
        if (start < 0) {
            return null;
        }
        parser.skipWhitespace();
        if (!line.startsWith("-->", parser.position)) {
            return null;
        }
        parser.position += 3;
        parser.skipWhitespace();
        long end = parser.timestamp();
        if (end < 0) {
            return null;
        }
        return new Timings(Duration.ofMillis(start), Duration.ofMillis(end));
    }

    private void skipWhitespace() {
        while (position < line.length()) {
            char c = line.charAt(position);
            if (c != ' ' && c != '\t' && c != '\f') {
                return;
            }
            position++;
        }
    }

    /** Milliseconds, or -1 when the text at the position is not a WebVTT timestamp. */
    private long timestamp() {
        int digits = digitsAt();
        if (digits == 0) {
            return -1;
        }
        long first = number(digits);
        boolean hours = digits != 2 || first > 59;
        if (!expect(':')) {
            return -1;
        }
        long second = twoDigits();
        if (second < 0) {
            return -1;
        }
        long h;
        long m;
        long s;
        if (hours || (position < line.length() && line.charAt(position) == ':')) {
            if (!expect(':')) {
                return -1;
            }
            s = twoDigits();
            if (s < 0) {
                return -1;
            }
            h = first;
            m = second;
        } else {
            h = 0;
            m = first;
            s = second;
        }
        if (!expect('.')) {
            return -1;
        }
        int fraction = digitsAt();
        if (fraction != 3) {
            return -1;
        }
        long millis = number(3);
        if (m > 59 || s > 59) {
            return -1;
        }
        return ((h * 60 + m) * 60 + s) * 1000 + millis;
    }

    private boolean expect(char c) {
        if (position < line.length() && line.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private long twoDigits() {
        int digits = digitsAt();
        return digits == 2 ? number(2) : -1;
    }

    /** How many ASCII digits start at the position (the position does not move). */
    private int digitsAt() {
        int end = position;
        while (end < line.length() && line.charAt(end) >= '0' && line.charAt(end) <= '9') {
            end++;
        }
        return end - position;
    }

    /** The value of the next digits, moving past them; saturates instead of overflowing. */
    private long number(int digits) {
        long value = 0;
        for (int i = 0; i < digits; i++) {
            value = Math.min(value * 10 + (line.charAt(position + i) - '0'), 1_000_000_000L);
        }
        position += digits;
        return value;
    }
}
