package org.kairan.server.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Puts the attachments that are not PDFs into the record as embedded files (the viewer's attachment
 * panel opens with the document), each as a PDF/A-3 associated file of the document: file name (also as
 * Unicode), MIME subtype, size, modification date, {@code AFRelationship Supplement}, listed in the
 * catalog's {@code /AF}. Names in the tree are prefixed with their number on the 鑑 (01 見積書.xlsx), which
 * keeps them in the 鑑's order and two files of the same name apart.
 */
final class EmbeddedAttachments {

    private static final COSName AF = COSName.getPDFName("AF");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");
    private static final COSName SUPPLEMENT = COSName.getPDFName("Supplement");

    private EmbeddedAttachments() {
    }

    /**
     * @param files    every attachment in 鑑 order; only those that are not PDFs are embedded
     * @param modified the modification date given to the embedded files (the record's creation)
     */
    static void embed(PDDocument document, List<AttachmentFiles.Opened> files, Instant modified, ZoneId zone)
            throws IOException {
        Map<String, PDComplexFileSpecification> named = new TreeMap<>();
        COSArray associated = new COSArray();
        int number = 0;
        for (AttachmentFiles.Opened file : files) {
            number++;
            if (file.isPdf()) {
                continue;
            }
            RecordAttachment a = file.attachment();
            PDEmbeddedFile embedded;
            try (InputStream in = Files.newInputStream(file.file())) {
                embedded = new PDEmbeddedFile(document, in, COSName.FLATE_DECODE);
            }
            embedded.setSubtype(a.mediaType());
            embedded.setSize((int) a.size());
            embedded.setModDate(GregorianCalendar.from(modified.atZone(zone)));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(asciiName(a.fileName(), number));
            spec.setFileUnicode(a.fileName());
            spec.setFileDescription("添付ファイル " + number + " SHA-256 " + a.sha256());
            spec.setEmbeddedFile(embedded);
            spec.setEmbeddedFileUnicode(embedded);
            spec.getCOSObject().setItem(AF_RELATIONSHIP, SUPPLEMENT);
            named.put(String.format("%02d %s", number, a.fileName()), spec);
            associated.add(spec);
        }
        if (named.isEmpty()) {
            return;
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(named);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names = catalog.getNames() == null ? new PDDocumentNameDictionary(catalog)
                : catalog.getNames();
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        catalog.getCOSObject().setItem(AF, associated);
        catalog.setPageMode(PageMode.USE_ATTACHMENTS);
    }

    /** The {@code /F} name: the file name where it is plain ASCII, else attachment-NN plus its extension. */
    private static String asciiName(String fileName, int number) {
        if (fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot >= 0 && fileName.substring(dot).chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                ? fileName.substring(dot) : "";
        return String.format("attachment-%02d%s", number, extension);
    }
}
