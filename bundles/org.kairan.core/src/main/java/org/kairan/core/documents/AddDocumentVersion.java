package org.kairan.core.documents;

/**
 * Payload of {@code document.add-version}: an uploaded file becomes the next (current) version of a
 * document; the earlier versions stay. The same content as the current version changes nothing.
 *
 * @param documentId the document
 * @param file       the uploaded file
 */
public record AddDocumentVersion(String documentId, DocumentFile file) {
}
