package org.kairan.server.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A PDF of record as written to a file: what the workflow stores beside it.
 *
 * @param file        where it is
 * @param sha256      lower-case hex SHA-256 of the whole file
 * @param size        bytes
 * @param pages       pages in all (鑑 and appended attachments)
 * @param coverPages  pages of the 鑑
 * @param conformance what it claims in its XMP metadata
 */
public record RecordFile(Path file, String sha256, long size, int pages, int coverPages, PdfAConformance conformance) {

    /** The same facts after the file was signed into {@code signed}: new hash and size. */
    RecordFile signedAs(Path signed) throws IOException {
        return describe(signed, pages, coverPages, conformance);
    }

    static RecordFile describe(Path file, int pages, int coverPages, PdfAConformance conformance) throws IOException {
        MessageDigest digest = RecordAttachment.sha256Digest();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new RecordFile(file, HexFormat.of().formatHex(digest.digest()), size, pages, coverPages, conformance);
    }
}
