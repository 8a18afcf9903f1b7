package org.kairan.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far the chat server's archives have been read by {@link ChatService#readHistory}: for each archive (the
 * user's own, under {@link #OWN}, and each 課 room's, under its address) the archive id of the last message read.
 * Kept by whoever reads (the search index keeps it with its commit), so the next reading starts where this one
 * stopped.
 *
 * @param lastRead archive → the archive id of the last message read
 */
public record ChatHistoryMarks(Map<String, String> lastRead) {

    /** Nothing read yet: the next reading starts at the beginning of every archive. */
    public static final ChatHistoryMarks NONE = new ChatHistoryMarks(Map.of());
    /** The key of the user's own archive (every 1:1 conversation). */
    public static final String OWN = "";

    public ChatHistoryMarks {
        lastRead = Map.copyOf(lastRead);
    }

    /** The archive id read last in an archive, or {@code null} when nothing was. */
    public String of(String archive) {
        return lastRead.get(archive);
    }

    public ChatHistoryMarks with(String archive, String archiveId) {
        Map<String, String> next = new LinkedHashMap<>(lastRead);
        next.put(archive, archiveId);
        return new ChatHistoryMarks(next);
    }

    /** One line per archive, {@code <archive>=<id>} (addresses and archive ids hold neither '=' nor line breaks). */
    public String encode() {
        StringBuilder text = new StringBuilder();
        lastRead.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        return text.toString();
    }

    /** Reads what {@link #encode()} wrote; lines it does not understand are left out. */
    public static ChatHistoryMarks decode(String text) {
        Map<String, String> marks = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int at = line.indexOf('=');
                if (at >= 0 && at < line.length() - 1) {
                    marks.put(line.substring(0, at), line.substring(at + 1));
                }
            }
        }
        return new ChatHistoryMarks(marks);
    }
}
