package org.kairan.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.BufferUtil;

/**
 * The files of a roster upload: {@code multipart/form-data} with parts {@code units} and/or
 * {@code staff}, or a bare {@code text/csv} staff file. The body has already been read within the
 * roster size limit.
 *
 * @param units bytes of units.csv, or {@code null}
 * @param staff bytes of staff.csv, or {@code null}
 */
record RosterUpload(byte[] units, byte[] staff) {

    static RosterUpload from(ApiExchange exchange, long limit) {
        String media = exchange.mediaType();
        if ("text/csv".equals(media)) {
            byte[] body = exchange.readBody(limit);
            if (body.length == 0) {
                throw ApiException.badRequest("the CSV body is empty");
            }
            return new RosterUpload(null, body);
        }
        if (!"multipart/form-data".equals(media)) {
            throw ApiException.unsupportedMediaType("a roster is sent as multipart/form-data (parts 'units' and/or"
                    + " 'staff') or as text/csv, not " + (media == null ? "without a Content-Type" : media));
        }
        String boundary = MultiPart.extractBoundary(exchange.contentTypeHeader());
        if (boundary == null || boundary.isEmpty()) {
            throw ApiException.badRequest("the multipart Content-Type has no boundary");
        }
        byte[] body = exchange.readBody(limit);
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxLength(limit);
        parser.setMaxMemoryFileSize(limit);
        parser.setMaxFileSize(limit);
        parser.setMaxParts(8);
        parser.setUseFilesForPartsWithoutFileName(false);
        byte[] units = null;
        byte[] staff = null;
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body)))
                .get(30, TimeUnit.SECONDS)) {
            for (MultiPart.Part part : parts) {
                String name = part.getName();
                byte[] bytes = BufferUtil.toArray(Content.Source.asByteBuffer(part.getContentSource()));
                if ("units".equals(name)) {
                    if (units != null) {
                        throw ApiException.badRequest("the part 'units' is given twice", "units");
                    }
                    units = bytes;
                } else if ("staff".equals(name)) {
                    if (staff != null) {
                        throw ApiException.badRequest("the part 'staff' is given twice", "staff");
                    }
                    staff = bytes;
                } else {
                    throw ApiException.badRequest("unknown part '" + name + "': only 'units' and 'staff' are read",
                            name);
                }
            }
        } catch (ExecutionException e) {
            throw ApiException.badRequest("the multipart body could not be read: " + e.getCause().getMessage());
        } catch (IOException | TimeoutException e) {
            throw ApiException.badRequest("the multipart body could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.badRequest("interrupted while reading the multipart body");
        }
        if (units == null && staff == null) {
            throw ApiException.badRequest("the upload has neither a 'units' nor a 'staff' part");
        }
        return new RosterUpload(units, staff);
    }
}
