package org.kairan.server.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;
import org.kairan.core.documents.LibraryFiles;

/**
 * Whether a zip file is a Word document or an Excel workbook (Office Open XML): its {@code [Content_Types].xml}
 * gives its main part the type of a wordprocessingml document or a spreadsheetml sheet. Macro-enabled files and
 * templates (.docm, .xlsm, .dotx, .xltx) are neither. Only that small part is read, and at most 1 MB of it.
 */
public final class OfficeContent {

    /** The zip's local file header: {@code PK\3\4}. */
    static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String WORD_MAIN = LibraryFiles.DOCX + ".main+xml";
    private static final String EXCEL_MAIN = LibraryFiles.XLSX + ".main+xml";
    private static final int MAX_CONTENT_TYPES = 1 << 20;

    private OfficeContent() {
    }

    /** {@link LibraryFiles#DOCX} or {@link LibraryFiles#XLSX} when the zip says it is one, empty otherwise. */
    static Optional<String> mediaType(Path file) {
        byte[] types;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(CONTENT_TYPES);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                types = in.readNBytes(MAX_CONTENT_TYPES);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not a readable zip: the name decides
        }
        try {
            XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(new ByteArrayInputStream(types));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        String type = reader.getAttributeValue(null, "ContentType");
                        if (WORD_MAIN.equals(type)) {
                            return Optional.of(LibraryFiles.DOCX);
                        }
                        if (EXCEL_MAIN.equals(type)) {
                            return Optional.of(LibraryFiles.XLSX);
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
