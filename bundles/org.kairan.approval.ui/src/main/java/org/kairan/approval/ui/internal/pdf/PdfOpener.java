package org.kairan.approval.ui.internal.pdf;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF with PDFBox (blocking: call it from a job) and tells what went wrong in terms a person can
 * act on. PDFBox repairs what it can (a lost cross-reference table, a cut-off end); what it cannot repair,
 * and anything that is not a PDF, is {@link PdfProblem#DAMAGED}.
 */
public final class PdfOpener {

    private static final Logger LOG = Logger.getLogger(PdfOpener.class.getName());

    /** The result: an open document, or the problem and the detail its message names. */
    public sealed interface Outcome {
    }

    public record Opened(PdfDocument document) implements Outcome {
    }

    public record Failed(PdfProblem problem, String detail) implements Outcome {
    }

    public Outcome open(PdfSource source) {
        try {
            return switch (source) {
                case PdfSource.File file -> openFile(file);
                case PdfSource.Bytes bytes -> bytes.content().length == 0 ? new Failed(PdfProblem.EMPTY, "")
                        : checked(Loader.loadPDF(bytes.content()));
            };
        } catch (InvalidPasswordException e) {
            return new Failed(PdfProblem.ENCRYPTED, source.name());
        } catch (NoSuchFileException e) {
            return new Failed(PdfProblem.MISSING, source.name());
        } catch (AccessDeniedException e) {
            LOG.log(Level.INFO, "cannot read " + source.name() + ": " + e);
            return new Failed(PdfProblem.UNREADABLE, source.name());
        } catch (IOException | RuntimeException e) {
            // PDFBox reports what it cannot parse as IOException (sometimes a RuntimeException)
            LOG.log(Level.INFO, "cannot open " + source.name() + " as a PDF: " + e);
            LOG.log(Level.FINE, "why " + source.name() + " cannot be opened", e);
            return new Failed(PdfProblem.DAMAGED, source.name());
        }
    }

    private Outcome openFile(PdfSource.File file) throws IOException {
        if (!Files.exists(file.path())) {
            return new Failed(PdfProblem.MISSING, file.name());
        }
        if (Files.isDirectory(file.path()) || !Files.isReadable(file.path())) {
            return new Failed(PdfProblem.UNREADABLE, file.name());
        }
        if (Files.size(file.path()) == 0) {
            return new Failed(PdfProblem.EMPTY, file.name());
        }
        RandomAccessReadBufferedFile input = new RandomAccessReadBufferedFile(file.path());
        try {
            return checked(Loader.loadPDF(input)); // the document closes the file when it is closed
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** A PDF without pages is as useless to a reader as a damaged one. */
    private static Outcome checked(PDDocument document) throws IOException {
        try {
            if (document.getNumberOfPages() == 0) {
                document.close();
                return new Failed(PdfProblem.DAMAGED, "");
            }
            return new Opened(new PdfDocument(document));
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }
}
