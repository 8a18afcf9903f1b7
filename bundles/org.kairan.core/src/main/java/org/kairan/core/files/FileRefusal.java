package org.kairan.core.files;

/**
 * Why the server refused a file at upload ({@code PUT /api/files} answers 422 with this as the error's
 * {@code field}, or 413 for {@link #TOO_LARGE}); clients show their own words for each.
 */
public enum FileRefusal {
    /** 0 bytes. */
    EMPTY,
    /** Larger than the configured limit. */
    TOO_LARGE,
    /** A password-protected (encrypted) PDF: it could not be shown, stamped or archived. */
    ENCRYPTED,
    /** Says it is a PDF but cannot be read (damaged, truncated). */
    CORRUPT,
    /** A PDF without pages. */
    NO_PAGES,
    /** For a document library ({@code PUT /api/files?purpose=library}): neither a PDF, a PNG, JPEG or TIFF image
     *  nor a Word or Excel file (.docx, .xlsx; not the old .doc, .xls), by content or by name. */
    UNSUPPORTED_TYPE
}
