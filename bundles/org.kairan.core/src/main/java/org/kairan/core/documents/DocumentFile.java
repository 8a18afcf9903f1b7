package org.kairan.core.documents;

/**
 * A file a client uploaded ({@code PUT /api/files?purpose=library}) and now names in a command: the server
 * looks up its size, type and pages by the hash.
 *
 * @param name   file name as the user chose it, e.g. 予算編成方針.pdf
 * @param sha256 lowercase hex of the uploaded content
 */
public record DocumentFile(String name, String sha256) {
}
