package org.kairan.server.record;

/**
 * What a PDF of record claims in its XMP metadata ({@code pdfaid}), by this rule:
 * <ul>
 * <li>{@link #PDF_A_2B}: the record is the 鑑 alone (no attachments). Everything in it is written by
 *     {@link PdfOfRecord}: embedded IPA font subsets, sRGB colours with an sRGB OutputIntent, XMP
 *     metadata matching the document information, no transparency, no actions; the signature is
 *     invisible and printable-flagged, as PDF/A-2 allows.</li>
 * <li>{@link #PDF_A_3B}: the 鑑 plus attachments that are all embedded files (none is a PDF). PDF/A-3 allows
 *     embedded files of any kind as associated files ({@code /AF}, {@code AFRelationship Supplement},
 *     MIME subtype, modification date); PDF/A-2 would not.</li>
 * <li>{@link #NONE}: some attachment is a PDF whose pages are appended. Those pages come from elsewhere
 *     (fonts not embedded, device colours, transparency, forms…) and are not checked, so no PDF/A claim is
 *     made; the document is still written the same way (XMP with the title, sRGB OutputIntent,
 *     embedded fonts on the 鑑).</li>
 * </ul>
 * Signed records of the first two kinds (as {@link RecordSigner} signs them) passed veraPDF 1.30.2 as
 * PDF/A-2b and PDF/A-3b respectively when this rule was written; the tests check the claims, not the
 * conformance itself.
 */
public enum PdfAConformance {
    PDF_A_2B("2", "B"),
    PDF_A_3B("3", "B"),
    NONE(null, null);

    private final String part;
    private final String level;

    PdfAConformance(String part, String level) {
        this.part = part;
        this.level = level;
    }

    /** The {@code pdfaid:part}, {@code null} for {@link #NONE}. */
    public String part() {
        return part;
    }

    /** The {@code pdfaid:conformance}, {@code null} for {@link #NONE}. */
    public String level() {
        return level;
    }

    /** The rule above, from what the attachments are. */
    static PdfAConformance of(int attachments, int appendedPdfs) {
        if (appendedPdfs > 0) {
            return NONE;
        }
        return attachments == 0 ? PDF_A_2B : PDF_A_3B;
    }
}
