package org.kairan.server.record;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The two IPA fonts parsed once and kept for every record a writer makes: parsing ipag.ttf and ipam.ttf
 * (≈6 and 8 MB, their character maps and glyph tables) cost more than drawing the 鑑 itself. A parsed
 * font is not safe for two threads at once; the owner lends it to one document at a time.
 */
final class ParsedFonts {

    final TrueTypeFont gothic;
    final TrueTypeFont mincho;

    private ParsedFonts(TrueTypeFont gothic, TrueTypeFont mincho) {
        this.gothic = gothic;
        this.mincho = mincho;
    }

    static ParsedFonts parse(RecordFonts files) throws RecordException {
        TrueTypeFont gothic = null;
        try {
            gothic = parse(files.gothic());
            return new ParsedFonts(gothic, parse(files.mincho()));
        } catch (IOException e) {
            closeQuietly(gothic);
            throw new RecordException("フォントを読み込めません (cannot load the IPA fonts " + files + "): " + e.getMessage(), e);
        }
    }

    private static TrueTypeFont parse(Path file) throws IOException {
        RandomAccessReadBufferedFile read = new RandomAccessReadBufferedFile(file);
        try {
            return new TTFParser().parse(read);
        } catch (IOException | RuntimeException e) {
            read.close();
            throw e;
        }
    }

    private static void closeQuietly(TrueTypeFont font) {
        if (font != null) {
            try {
                font.close();
            } catch (IOException ignored) {
                // it was being given up anyway
            }
        }
    }
}
