package org.kairan.core.documents;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The files a library takes: PDFs, scanned images (PNG, JPEG, TIFF), Word (.docx) and Excel (.xlsx) files. The
 * server decides by content; the name's extension is the fallback for a file whose content it cannot recognise
 * (a damaged PDF or a password-protected .docx is still kept, and its extraction fails with the reason). The
 * old binary Word and Excel formats (.doc, .xls) are not taken.
 */
public final class LibraryFiles {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String TIFF = "image/tiff";
    /** A Word document (.docx, Office Open XML). */
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** An Excel workbook (.xlsx, Office Open XML). */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** What a library document's version may be. */
    public static final Set<String> ACCEPTED_MEDIA_TYPES = Set.of(PDF, PNG, JPEG, TIFF, DOCX, XLSX);

    private LibraryFiles() {
    }

    public static boolean accepts(String mediaType) {
        return mediaType != null && ACCEPTED_MEDIA_TYPES.contains(mediaType);
    }

    /** Whether the type is a Word or Excel file, whose text is read, never OCR'd. */
    public static boolean isOffice(String mediaType) {
        return DOCX.equals(mediaType) || XLSX.equals(mediaType);
    }

    /**
     * The accepted media type a file name's extension says, if any (.pdf, .png, .jpg/.jpeg, .tif/.tiff, .docx,
     * .xlsx).
     */
    public static Optional<String> mediaTypeOfName(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "pdf" -> Optional.of(PDF);
            case "png" -> Optional.of(PNG);
            case "jpg", "jpeg" -> Optional.of(JPEG);
            case "tif", "tiff" -> Optional.of(TIFF);
            case "docx" -> Optional.of(DOCX);
            case "xlsx" -> Optional.of(XLSX);
            default -> Optional.empty();
        };
    }
}
