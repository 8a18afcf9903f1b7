/**
 * The document library (文書庫) of each 課: documents with their metadata (文書分類, 年度, tags, 保存年限), every
 * version of their file (PDFs and scanned images), the state of the server's text extraction per version
 * (PDFBox for text PDFs, OCR for pages without a text layer) and the extracted text, page by page, that the
 * desktop indexes for search. Records only: the server stores and extracts, the client shows and indexes.
 */
package org.kairan.core.documents;
