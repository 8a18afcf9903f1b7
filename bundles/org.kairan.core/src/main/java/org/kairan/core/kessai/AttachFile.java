package org.kairan.core.kessai;

/**
 * Payload of {@code kessai.attach}: adds an uploaded file to a 案件 on its route or decided. Nothing is
 * ever removed or replaced: a file with the name of an earlier one becomes its next version.
 *
 * @param kessaiId the 案件
 * @param file     the uploaded file
 */
public record AttachFile(String kessaiId, FileRef file) {
}
