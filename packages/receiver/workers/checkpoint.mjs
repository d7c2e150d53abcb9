// Copies the SQLite write-ahead log back into the database file on a thread of its own. SQLite
// would otherwise do it inside a commit every 1000 pages, and that commit's fsync of the whole
// file stalls every request waiting on the event loop (p99 doubled in `npm run bench:receiver`).
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// Under steady writes a passive checkpoint never catches the log's end, so the log would grow
// forever; past this size a truncating one briefly holds writers back and starts it afresh.
const WAL_LIMIT = 16 * 1024 * 1024;

const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const walSize = () => {
  try {
    return statSync(`${workerData.file}-wal`).size;
  } catch {
    return 0;
  }
};
const timer = setInterval(() => {
  try {
    // PASSIVE never waits for writers, and leaves little for the occasional TRUNCATE to do.
    db.pragma('wal_checkpoint(PASSIVE)');
    if (walSize() > WAL_LIMIT) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy or closing: try again next round.
  }
}, workerData.every);
parentPort.on('message', (message) => {
  if (message != 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage('stopped');
});
