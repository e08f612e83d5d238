-- A push's position in the field-service table exactly as that database wrote it: updated_at as
-- text with all six fraction digits, in the database's own time zone. last_updated_at stays the
-- instant it means (for people); the keyset resumes from this column, which no driver rounds.
-- NULL on watermarks written before: they hold the wall-clock time in last_updated_at as if UTC.
ALTER TABLE watermark ADD COLUMN keyset_updated_at VARCHAR(26) NULL;
