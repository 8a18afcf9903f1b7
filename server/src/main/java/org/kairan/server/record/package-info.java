/**
 * The PDF of record (決裁文書の記録PDF) of a final 決裁: {@link org.kairan.server.record.PdfOfRecord} writes
 * the 鑑 (cover: title block, 決裁欄 with each approver's 電子印影, body, list of attachments) followed by the
 * attached PDFs, {@link org.kairan.server.record.RecordSigner} signs it with the server's key (PAdES B-B),
 * {@link org.kairan.server.record.RecordVerifier} checks a stored file, and
 * {@link org.kairan.server.record.AttachmentCheck} refuses uploads that could not go into a record (empty,
 * too large, encrypted, broken PDFs). Self-contained: the workflow hands in a
 * {@link org.kairan.server.record.RecordSheet} and stores what comes out.
 */
package org.kairan.server.record;
