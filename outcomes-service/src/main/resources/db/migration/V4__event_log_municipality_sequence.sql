-- The latest stored event of one municipality, cheaply: a cached figure of that municipality stays valid until it moves.
CREATE INDEX event_log_v1_municipality_seq ON event_log_v1 (country, municipality_code, seq);
