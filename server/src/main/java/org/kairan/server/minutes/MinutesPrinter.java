package org.kairan.server.minutes;

import java.io.IOException;
import java.io.OutputStream;

import org.kairan.core.minutes.Minutes;
import org.kairan.server.record.MinutesPdf;
import org.kairan.server.record.RecordSettings;

/**
 * Prints 議事録 as a PDF with the IPA fonts the records use, found at the first print (a server without them starts,
 * and says what is missing when minutes are printed).
 */
final class MinutesPrinter {

    private final RecordSettings settings;
    private MinutesPdf pdf;

    MinutesPrinter(RecordSettings settings) {
        this.settings = settings;
    }

    /** Writes the PDF to {@code out}; returns its pages. */
    synchronized int print(Minutes minutes, OutputStream out) throws IOException {
        if (pdf == null) {
            pdf = new MinutesPdf(settings.fonts());
        }
        return pdf.write(minutes, out);
    }
}
