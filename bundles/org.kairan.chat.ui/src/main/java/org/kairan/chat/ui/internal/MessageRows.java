package org.kairan.chat.ui.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.kairan.chat.ChatMessage;

/**
 * What the message area shows, without widgets: the messages in order with a day separator before the first
 * message of each day (the day in the office's zone), and where in a text the names called with @ stand.
 */
final class MessageRows {

    /** One row of the message area. */
    sealed interface Row permits Day, Line {
    }

    /** The separator before a day's first message. */
    record Day(LocalDate day) implements Row {
    }

    /** A message. */
    record Line(ChatMessage message) implements Row {
    }

    /** A highlighted stretch of text: an @ and the name after it. */
    record Span(int start, int length) {
    }

    private MessageRows() {
    }

    /** The rows for the messages (oldest first): a {@link Day} whenever the day changes, starting with the first. */
    static List<Row> of(List<ChatMessage> messages, ZoneId zone) {
        List<Row> rows = new ArrayList<>();
        LocalDate day = null;
        for (ChatMessage m : messages) {
            LocalDate d = m.sentAt().atZone(zone).toLocalDate();
            if (!d.equals(day)) {
                rows.add(new Day(d));
                day = d;
            }
            rows.add(new Line(m));
        }
        return rows;
    }

    /**
     * The mentions in a text: an @ (half- or full-width) followed by one of the known names — spaces inside the name
     * may be left out or doubled, as {@code Mentions} in the chat service reads them — else by a word up to the next
     * space or punctuation (a 職員番号, a name not known here).
     */
    static List<Span> mentions(String text, Collection<String> knownNames) {
        List<Span> spans = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return spans;
        }
        List<String> names = knownNames.stream().filter(n -> n != null && !n.isBlank())
                .map(n -> n.replaceAll("[\\s\\u3000]+", "")).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '@' && c != '＠') {
                i++;
                continue;
            }
            int end = -1;
            for (String name : names) {
                end = matchIgnoringSpaces(text, i + 1, name);
                if (end > 0) {
                    break;
                }
            }
            if (end < 0) {
                end = i + 1;
                while (end < text.length() && !isBoundary(text.charAt(end))) {
                    end++;
                }
            }
            if (end > i + 1) {
                spans.add(new Span(i, end - i));
            }
            i = Math.max(end, i + 1);
        }
        return spans;
    }

    /** Where {@code name} (without spaces) ends in {@code text} from {@code from}, spaces skipped; -1 if it is not there. */
    private static int matchIgnoringSpaces(String text, int from, String name) {
        int t = from;
        for (int n = 0; n < name.length(); n++) {
            while (n > 0 && t < text.length() && isSpace(text.charAt(t))) {
                t++;
            }
            if (t >= text.length() || text.charAt(t) != name.charAt(n)) {
                return -1;
            }
            t++;
        }
        return t;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000' || c == '\t';
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '@' || c == '＠' || "、。，．,.!?！？「」『』（）()：:;；".indexOf(c) >= 0;
    }
}
