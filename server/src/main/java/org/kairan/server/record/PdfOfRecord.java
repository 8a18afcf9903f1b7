package org.kairan.server.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;

/**
 * Writes the PDF of record of a final 決裁 (unsigned; {@link RecordSigner} signs it): A4 portrait, the
 * 鑑 first — title block, 決裁欄 with the 電子印影, body, list of attachments with SHA-256 — then the pages
 * of every PDF attachment in order; other attachments are embedded as files. Every attachment's bytes are
 * checked against its hash first. Fonts are the IPA fonts, embedded as subsets.
 *
 * <p>PDF/A: see {@link PdfAConformance} for what is claimed when. In short, a record without attached PDFs
 * is PDF/A-2b (no attachments) or PDF/A-3b (only embedded non-PDF files); a record with appended PDF pages
 * claims nothing, because those pages are not ours to vouch for.
 *
 * <p>Thread-safe: records are written one at a time, with the IPA fonts parsed at the first and kept.
 */
public final class PdfOfRecord {

    private final RecordFonts fonts;
    private final ZoneId zone;
    private final Clock clock;
    private ParsedFonts parsed;

    /**
     * @param fonts the IPA font files ({@link RecordFonts#locate})
     * @param zone  the office's time zone, for the 和暦 dates (Asia/Tokyo)
     * @param clock the record's creation time in its metadata
     */
    public PdfOfRecord(RecordFonts fonts, ZoneId zone, Clock clock) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the record to {@code target} (replaced if it exists).
     *
     * @throws RecordException when an attachment does not match its hash, is an encrypted or unreadable PDF,
     *                         or a font cannot be loaded
     */
    public synchronized RecordFile write(RecordSheet sheet, Path target) throws IOException {
        if (parsed == null) {
            parsed = ParsedFonts.parse(fonts);
        }
        Instant created = clock.instant();
        int coverPages;
        int pages;
        PdfAConformance conformance;
        try (AttachmentFiles attachments = new AttachmentFiles(); PDDocument document = new PDDocument()) {
            List<AttachmentFiles.Opened> opened = attachments.open(sheet.attachments());
            List<CoverPages.Listed> listed = new ArrayList<>();
            int appendedPdfs = 0;
            for (AttachmentFiles.Opened o : opened) {
                listed.add(new CoverPages.Listed(o.attachment(), o.pages()));
                appendedPdfs += o.isPdf() ? 1 : 0;
            }
            conformance = PdfAConformance.of(opened.size(), appendedPdfs);
            document.setVersion(1.7f);
            PageFonts pageFonts = new PageFonts(document, parsed);
            coverPages = new CoverPages(document, pageFonts, zone).draw(sheet, listed).size();
            append(document, opened);
            EmbeddedAttachments.embed(document, opened, created, zone);
            ArchivalMetadata.apply(document, sheet.title(), created, zone, conformance);
            pages = document.getNumberOfPages();
            try (OutputStream out = Files.newOutputStream(target)) {
                document.save(out);
            }
        }
        return RecordFile.describe(target, pages, coverPages, conformance);
    }

    private static void append(PDDocument document, List<AttachmentFiles.Opened> opened) throws IOException {
        PDFMergerUtility merger = new PDFMergerUtility();
        for (AttachmentFiles.Opened o : opened) {
            if (!o.isPdf()) {
                continue;
            }
            try {
                merger.appendDocument(document, o.pdf());
            } catch (IOException | RuntimeException e) {
                throw new RecordException("添付PDF「" + o.attachment().fileName() + "」を綴じ込めません (cannot append the"
                        + " attached PDF: " + e.getMessage() + ")", e);
            }
        }
        // what an attachment may have brought that has no place in a record: scripts and actions on opening
        document.getDocumentCatalog().getCOSObject().removeItem(COSName.OPEN_ACTION);
        document.getDocumentCatalog().getCOSObject().removeItem(COSName.AA);
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        if (names != null) {
            names.getCOSObject().removeItem(COSName.JAVA_SCRIPT);
            names.getCOSObject().removeItem(COSName.EMBEDDED_FILES);
        }
    }
}
