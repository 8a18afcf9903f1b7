package org.kairan.server.record;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * The document-level parts PDF/A asks for: the document information (title, creator, producer, dates),
 * the same facts as XMP metadata (with {@code pdfaid} when the record {@link PdfAConformance claims}
 * PDF/A), an sRGB OutputIntent from the Java runtime's built-in sRGB profile, and the language (ja-JP).
 * Written after the attachments are appended, so it replaces whatever they brought.
 */
final class ArchivalMetadata {

    static final String CREATOR = "Kairan 電子決裁";
    static final String PRODUCER = "Kairan (Apache PDFBox)";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private ArchivalMetadata() {
    }

    static void apply(PDDocument document, String rawTitle, Instant created, ZoneId zone, PdfAConformance conformance)
            throws IOException {
        String title = rawTitle.replaceAll("\\p{Cntrl}", " ").strip();
        ZonedDateTime when = created.atZone(zone).truncatedTo(ChronoUnit.SECONDS);
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setCreator(CREATOR);
        info.setProducer(PRODUCER);
        info.setCreationDate(GregorianCalendar.from(when));
        info.setModificationDate(GregorianCalendar.from(when));
        document.setDocumentInformation(info);

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(document,
                new ByteArrayInputStream(xmp(title, when, conformance).getBytes(StandardCharsets.UTF_8)));
        catalog.setMetadata(metadata);
        catalog.setLanguage("ja-JP");

        PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.setOutputIntents(List.of(intent));
    }

    static String xmp(String title, ZonedDateTime when, PdfAConformance conformance) {
        String date = when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        StringBuilder x = new StringBuilder();
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("   <dc:format>application/pdf</dc:format>\n")
                .append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(title))
                .append("</rdf:li></rdf:Alt></dc:title>\n")
                .append("  </rdf:Description>\n")
                .append("  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
                .append("   <xmp:CreatorTool>").append(escape(CREATOR)).append("</xmp:CreatorTool>\n")
                .append("   <xmp:CreateDate>").append(date).append("</xmp:CreateDate>\n")
                .append("   <xmp:ModifyDate>").append(date).append("</xmp:ModifyDate>\n")
                .append("   <xmp:MetadataDate>").append(date).append("</xmp:MetadataDate>\n")
                .append("  </rdf:Description>\n")
                .append("  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
                .append("   <pdf:Producer>").append(escape(PRODUCER)).append("</pdf:Producer>\n")
                .append("  </rdf:Description>\n");
        if (conformance != PdfAConformance.NONE) {
            x.append("  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
                    .append("   <pdfaid:part>").append(conformance.part()).append("</pdfaid:part>\n")
                    .append("   <pdfaid:conformance>").append(conformance.level()).append("</pdfaid:conformance>\n")
                    .append("  </rdf:Description>\n");
        }
        x.append(" </rdf:RDF>\n</x:xmpmeta>\n");
        // room to edit the packet in place, as XMP recommends
        for (int i = 0; i < 20; i++) {
            x.append(" ".repeat(99)).append('\n');
        }
        return x.append("<?xpacket end=\"w\"?>").toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp >= 0x20 || cp == '\t' || cp == '\n') {
                        out.appendCodePoint(cp);
                    } else {
                        out.append(' ');
                    }
                }
            }
        });
        return out.toString();
    }
}
