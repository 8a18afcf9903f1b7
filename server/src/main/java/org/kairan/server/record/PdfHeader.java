package org.kairan.server.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a file is a PDF by its content, as PDF readers decide: {@code %PDF-} within its first 1,024
 * bytes (normally at the very start). The name and the declared media type do not count.
 */
public final class PdfHeader {

    static final int WINDOW = 1024;
    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private PdfHeader() {
    }

    public static boolean isPdf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isPdf(in.readNBytes(WINDOW));
        }
    }

    public static boolean isPdf(byte[] head) {
        return indexOf(head, MAGIC, 0) >= 0;
    }

    /** Where {@code needle} first occurs in {@code haystack} at or after {@code from}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whether the PDF is complete: {@code %%EOF} within its last 1,024 bytes (PDF readers look there). */
    public static boolean endsWithEofMarker(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, WINDOW);
            ByteBuffer buffer = ByteBuffer.allocate(tail);
            channel.position(size - tail);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the tail
            }
            return indexOf(buffer.array(), EOF_MARKER, 0) >= 0;
        }
    }
}
