-- Each enrolment keeps the attributes it stated (sex, birth year), so that a table for a past quarter uses the
-- enrolment that held then, not one made later. Added to the template and to every projection version, filled from
-- the event log each version keeps, and the views are redrawn over the active version (they list their columns).
ALTER TABLE projection_template.enrolment ADD COLUMN sex VARCHAR(20), ADD COLUMN birth_year INTEGER;

DO $$
DECLARE
    s record;
BEGIN
    FOR s IN SELECT schemaname FROM pg_tables
             WHERE schemaname ~ '^projection_v[0-9]+$' AND tablename = 'enrolment' LOOP
        EXECUTE format('ALTER TABLE %I.enrolment ADD COLUMN sex VARCHAR(20), ADD COLUMN birth_year INTEGER',
                       s.schemaname);
        EXECUTE format('UPDATE %I.enrolment e SET sex = l.data ->> ''sex'', birth_year = (l.data ->> ''birthYear'')::int'
                       || ' FROM %I.event_log l WHERE l.event_id = e.event_id', s.schemaname, s.schemaname);
    END LOOP;
END $$;

SELECT show_projection_version(version) FROM projection_version WHERE state = 'ACTIVE';
