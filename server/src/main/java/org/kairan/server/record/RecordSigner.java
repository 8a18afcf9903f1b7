package org.kairan.server.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Signs a PDF of record with the server's key as PAdES baseline B-B: one invisible signature
 * (filter Adobe.PPKLite, subfilter ETSI.CAdES.detached, {@code /M} the signing time) over the whole file,
 * written as an incremental update so the unsigned bytes stay exactly as {@link PdfOfRecord} wrote them.
 * Whatever is appended to the file afterwards lies outside the signed range, which {@link RecordVerifier}
 * reports. There is no timestamp from a TSA (that would be B-T): the server works in a closed network.
 *
 * <p>Thread-safe.
 */
public final class RecordSigner {

    /** Room reserved for the CMS signature: enough for an RSA 4096 key with a chain of a few certificates. */
    static final int SIGNATURE_SIZE = 16 * 1024;

    private final RecordSigningKey key;
    private final Clock clock;
    private final CadesSignature cades;

    public RecordSigner(RecordSigningKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cades = new CadesSignature(key);
    }

    public RecordSigningKey key() {
        return key;
    }

    /**
     * Signs {@code unsigned} into {@code signed} (a different file, replaced if it exists).
     *
     * @return the signed file with its new hash and size
     */
    public RecordFile sign(RecordFile unsigned, Path signed) throws IOException {
        sign(unsigned.file(), signed);
        return unsigned.signedAs(signed);
    }

    /** Signs the PDF file {@code unsigned} into {@code signed}. */
    public void sign(Path unsigned, Path signed) throws IOException {
        if (Files.exists(signed) && Files.isSameFile(unsigned, signed)) {
            throw new IllegalArgumentException("sign into another file than " + unsigned);
        }
        try (PDDocument document = Loader.loadPDF(unsigned.toFile());
                SignatureOptions options = new SignatureOptions();
                OutputStream out = Files.newOutputStream(signed)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(key.subject());
            signature.setReason("電子決裁の記録 (record of a final decision)");
            GregorianCalendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            now.setTimeInMillis(clock.millis());
            signature.setSignDate(now);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, cades::sign, options);
            printable(document, signature);
            document.saveIncremental(out);
        }
    }

    /** PDF/A wants every annotation printable, the invisible signature's widget too. */
    private static void printable(PDDocument document, PDSignature signature) throws IOException {
        for (PDSignatureField field : document.getSignatureFields()) {
            if (field.getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.V) == signature.getCOSObject()) {
                for (PDAnnotationWidget widget : field.getWidgets()) {
                    widget.setPrinted(true);
                }
            }
        }
    }
}
