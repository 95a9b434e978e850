-- Each enrolment keeps the homelessness situation at entry it stated, for the national table of new enrolments
-- (HF07). Added to the template and to every projection version, filled from the event log each version keeps, and
-- the views are redrawn over the active version (they list their columns).
ALTER TABLE projection_template.enrolment ADD COLUMN homelessness_situation VARCHAR(60);

DO $$
DECLARE
    s record;
BEGIN
    FOR s IN SELECT schemaname FROM pg_tables
             WHERE schemaname ~ '^projection_v[0-9]+$' AND tablename = 'enrolment' LOOP
        EXECUTE format('ALTER TABLE %I.enrolment ADD COLUMN homelessness_situation VARCHAR(60)', s.schemaname);
        EXECUTE format('UPDATE %I.enrolment e SET homelessness_situation = l.data ->> ''homelessnessSituation'''
                       || ' FROM %I.event_log l WHERE l.event_id = e.event_id', s.schemaname, s.schemaname);
    END LOOP;
END $$;

SELECT show_projection_version(version) FROM projection_version WHERE state = 'ACTIVE';
