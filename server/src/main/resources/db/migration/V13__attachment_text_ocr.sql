-- Whether a page of a 決裁 attachment was read by OCR (a scan without a text layer) rather than from its text layer.
ALTER TABLE attachment_text_page ADD COLUMN ocr BOOLEAN DEFAULT FALSE NOT NULL;
