-- The words behind a text hash are part of the proof: once registered, they stay as they were.
-- Registering a config again adds only hashes not yet known (ON CONFLICT DO NOTHING).
CREATE TRIGGER texts_no_update BEFORE UPDATE ON texts
BEGIN SELECT RAISE(ABORT, 'kelisim: registered texts are append-only; UPDATE refused'); END;
CREATE TRIGGER texts_no_delete BEFORE DELETE ON texts
BEGIN SELECT RAISE(ABORT, 'kelisim: registered texts are append-only; DELETE refused'); END;
