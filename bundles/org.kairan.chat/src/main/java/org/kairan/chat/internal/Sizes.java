package org.kairan.chat.internal;

import java.util.Locale;

/** A size in bytes as people read it: 512 B, 3.4 KB, 12.0 MB. */
final class Sizes {

    private Sizes() {
    }

    static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
