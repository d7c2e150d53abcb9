-- The words behind a text hash are part of the proof: once registered, they stay as they were.
-- Registering a config again adds only hashes not yet known (ON CONFLICT DO NOTHING).
CREATE TRIGGER texts_append_only BEFORE UPDATE OR DELETE ON texts
  FOR EACH ROW EXECUTE FUNCTION kelisim_append_only();
CREATE TRIGGER texts_no_truncate BEFORE TRUNCATE ON texts
  FOR EACH STATEMENT EXECUTE FUNCTION kelisim_append_only();
