-- A number that grows with every stored event: computed national tables are kept until it moves.
ALTER TABLE event_log ADD COLUMN seq BIGSERIAL;
CREATE UNIQUE INDEX event_log_seq ON event_log (seq);
