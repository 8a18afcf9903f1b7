package org.kairan.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A reply body sent as it is rather than as JSON: a kept file, a PDF of record, a CSV export.
 *
 * @param contentType e.g. application/pdf, text/csv; charset=Shift_JIS
 * @param fileName    the name a browser or desktop saves it under (Japanese allowed)
 * @param length      bytes
 * @param content     opens the bytes; closed after sending
 */
public record Download(String contentType, String fileName, long length, Content content) {

    /** Opens the bytes to send. */
    public interface Content {
        InputStream open() throws IOException;
    }

    public Download {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }

    public static Download of(String contentType, String fileName, byte[] bytes) {
        return new Download(contentType, fileName, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…} with an ASCII fallback (RFC 6266). */
    String disposition() {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
