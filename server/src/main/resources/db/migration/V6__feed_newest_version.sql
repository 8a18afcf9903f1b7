-- A pull skips feed entries superseded by a newer entry of the same record (ChangeFeed.read): the index
-- finds the newer one by record and position.
DROP INDEX change_feed_entity;
CREATE INDEX change_feed_entity_seq ON change_feed (entity_type, entity_id, seq);
