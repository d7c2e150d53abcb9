-- Consent records and retention markers, one SHA-256 chain per site (site, position).
CREATE TABLE records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT NOT NULL,
  position INTEGER NOT NULL,
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

-- Opened only inside the retention purge's own transaction.
CREATE TABLE purge_gate (open INTEGER NOT NULL);
INSERT INTO purge_gate (open) VALUES (0);

CREATE TRIGGER records_no_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'kelisim: consent records are append-only; UPDATE refused'); END;
CREATE TRIGGER records_no_delete BEFORE DELETE ON records WHEN (SELECT open FROM purge_gate) = 0
BEGIN SELECT RAISE(ABORT, 'kelisim: consent records are append-only; DELETE refused outside the retention purge'); END;

-- Every read and export of the records.
CREATE TABLE access_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  token TEXT NOT NULL,
  what TEXT NOT NULL,
  detail TEXT NOT NULL,
  ip TEXT
);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'kelisim: the access log is append-only; UPDATE refused'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'kelisim: the access log is append-only; DELETE refused'); END;

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
