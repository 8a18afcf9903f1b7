-- Whether the text of an attachment has been put into the feed for every 案件 naming the file. The text is kept
-- first and published after; a stop in between leaves published FALSE, and the reader publishes it at the next
-- start. (Rows from before this column are published once more: harmless, the feed keeps the latest.)
ALTER TABLE attachment_text ADD COLUMN published BOOLEAN DEFAULT FALSE NOT NULL;
