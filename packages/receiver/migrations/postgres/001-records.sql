-- Consent records and retention markers, one SHA-256 chain per site (site, position).
CREATE TABLE records (
  seq BIGSERIAL PRIMARY KEY,
  site TEXT NOT NULL,
  position BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('record', 'purge')),
  consent_id TEXT,
  timestamp TEXT,
  action TEXT,
  granted TEXT,
  denied TEXT,
  revision TEXT,
  language TEXT,
  text_hash TEXT,
  path TEXT,
  received_at TEXT NOT NULL,
  user_agent TEXT,
  ip TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (site, position)
);
-- The same record is the same id, action and timestamp, whatever the site.
CREATE UNIQUE INDEX records_same ON records (consent_id, action, timestamp);
CREATE INDEX records_received ON records (received_at);

-- The retention purge sets kelisim.purge for its own transaction (SET LOCAL); nothing else may.
CREATE FUNCTION kelisim_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'records' AND current_setting('kelisim.purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'kelisim: % on % refused: rows are append-only', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON records
  FOR EACH ROW EXECUTE FUNCTION kelisim_append_only();
CREATE TRIGGER records_no_truncate BEFORE TRUNCATE ON records
  FOR EACH STATEMENT EXECUTE FUNCTION kelisim_append_only();

-- Every read and export of the records.
CREATE TABLE access_log (
  seq BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  token TEXT NOT NULL,
  what TEXT NOT NULL,
  detail TEXT NOT NULL,
  ip TEXT
);
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION kelisim_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION kelisim_append_only();

-- The words behind a text hash; kind leaves room for other hashes later.
CREATE TABLE texts (
  kind TEXT NOT NULL,
  hash TEXT NOT NULL,
  language TEXT NOT NULL,
  texts TEXT NOT NULL,
  source TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (kind, hash, language)
);
