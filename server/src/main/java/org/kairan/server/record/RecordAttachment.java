package org.kairan.server.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file attached to the 起案, as stored: the record lists each one on the 鑑 with its SHA-256, appends
 * the pages of a PDF and embeds any other file. Whether a file is a PDF is decided by its content
 * ({@code %PDF-} at the start), as {@link AttachmentCheck} does, not by its name or media type.
 *
 * @param fileName  the name the user gave it, e.g. 見積書.pdf
 * @param sha256    lower-case hex SHA-256 of the bytes, as stored
 * @param size      bytes
 * @param mediaType e.g. application/pdf, image/png; {@code application/octet-stream} when unknown
 * @param content   where the bytes are read from
 */
public record RecordAttachment(String fileName, String sha256, long size, String mediaType, AttachmentContent content) {

    public RecordAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType.strip();
    }

    /** An attachment read from a file, its hash and size computed now. */
    public static RecordAttachment ofFile(String fileName, String mediaType, Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new RecordAttachment(fileName, HexFormat.of().formatHex(digest.digest()), size, mediaType,
                AttachmentContent.of(file));
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
