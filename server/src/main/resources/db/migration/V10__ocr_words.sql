-- Where OCR found each word of a library page without a text layer, so the desktop can highlight what a search
-- found on the scanned page: JSON of org.kairan.core.documents.PageWords (boxes in points of the page as a viewer
-- draws it), kept in the page's row with its text. NULL for pages read from their text layer, for pages OCR'd
-- before this column existed, and for a page whose words would be more than 1,000,000 characters of JSON.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE library_page ADD COLUMN words VARCHAR(1000000);
