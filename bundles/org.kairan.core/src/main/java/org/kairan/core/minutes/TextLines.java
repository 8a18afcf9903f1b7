package org.kairan.core.minutes;

import java.util.ArrayList;
import java.util.List;

/**
 * A text split into lines at LF, CR and CR LF (each one line end, as the WebVTT spec normalises them), and whether
 * the last line had its line end: a file cut off while saving usually has not.
 */
record TextLines(List<String> lines, boolean lastTerminated) {

    static TextLines of(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        boolean terminated = start >= n;
        if (!terminated) {
            lines.add(text.substring(start));
        }
        return new TextLines(lines, terminated);
    }

    int size() {
        return lines.size();
    }

    String get(int index) {
        return lines.get(index);
    }

    /** Whether the line at the index is the last of the file and has no line end. */
    boolean isCutLast(int index) {
        return !lastTerminated && index == lines.size() - 1;
    }
}
