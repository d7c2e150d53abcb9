import type { LogRecord } from '../core/record';
import { LOG_KEY } from './log-key';
import { oneTabAtATime } from './tab-lock';

export type { LogRecord };

const KEY = LOG_KEY;
const MAX_DELAY = 60_000;
/** A receiver that has not answered by then is treated as down; the record is sent again later. */
const TIMEOUT = 8000;
/** A malformed record, one too large, one that contradicts a stored one, one the rules refuse. */
const REFUSED_FOR_GOOD = [400, 409, 413, 422];

type Report = (message: string, error?: unknown) => void;

const sameRecord = (a: LogRecord, b: LogRecord) => a.id == b.id && a.timestamp == b.timestamp && a.action == b.action;

/**
 * Records wait in localStorage until the receiver answers 2xx, so none is lost to a closed tab or
 * a receiver that is down: every later page view and every `online` event tries again, with
 * back-off only within a page view. One tab sends at a time (`oneTabAtATime`) so none is sent twice.
 */
export function createConsentLog(url: string, w: Window, report: Report) {
  let memory: LogRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 1000;
  let sending = false;
  let tried = false;

  // What storage could not take (blocked, or full): it is queued for this page view at least.
  const read = (): LogRecord[] => {
    let stored: LogRecord[] = [];
    try {
      const parsed = JSON.parse(w.localStorage.getItem(KEY) || '[]');
      if (Array.isArray(parsed)) stored = parsed.filter((r) => r && typeof r.id == 'string' && typeof r.timestamp == 'string');
    } catch {
      // Unreadable storage: only memory is left.
    }
    return stored.concat(memory.filter((m) => !stored.some((r) => sameRecord(r, m))));
  };
  const write = (records: LogRecord[]) => {
    try {
      w.localStorage.setItem(KEY, JSON.stringify(records));
      memory = [];
    } catch {
      if (records.length > memory.length) report('Kelisim: localStorage is full or blocked; the consent record waits in this page view only.');
      memory = records;
    }
  };

  /** True once the record may leave the queue. */
  const post = async (record: LogRecord): Promise<boolean> => {
    const body = JSON.stringify(record);
    const fetchKeepsAlive = typeof w.fetch == 'function' && typeof Request != 'undefined' && 'keepalive' in Request.prototype;
    if (!fetchKeepsAlive && w.navigator.sendBeacon) {
      // Only where fetch cannot outlive the page: sendBeacon cannot see the receiver's answer.
      return w.navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }));
    }
    // A redirect would turn the POST into a GET without the record, and its 200 would look like
    // delivery: only the receiver's own 2xx to the POST counts.
    const response = await w.fetch(url, {
      method: 'POST',
      keepalive: true,
      redirect: 'manual',
      headers: { 'Content-Type': 'application/json' },
      body,
      // A receiver that never answers would hold the queue, and the lock, for the page's life.
      signal: AbortSignal.timeout && AbortSignal.timeout(TIMEOUT),
    });
    if (response.type == 'opaqueredirect') throw new Error('a redirect; the URL must take the POST itself');
    // The receiver judged this record and will never take it: kept first in the queue, it would
    // hold back every record after it, a withdrawal among them. A refusal of the endpoint itself
    // (403, 404, 5xx) is a setup the operator can fix, so those records wait.
    if (REFUSED_FOR_GOOD.indexOf(response.status) >= 0) {
      const reason = await response.text().catch(() => '');
      report(`Kelisim: the consent log at ${url} refused record ${record.id} (${record.action}) for good: HTTP ${response.status} ${reason.slice(0, 200)}. It is dropped so that the records after it are sent.`);
      return true;
    }
    return response.ok;
  };

  const sendAll = (renew: () => void) => (async () => {
    for (const record of read()) {
      renew();
      if (!(await post(record))) throw new Error('refused');
      write(read().filter((r) => !sameRecord(r, record)));
    }
  })();

  async function flush(): Promise<void> {
    tried = true;
    if (sending || !read().length) return;
    sending = true;
    clearTimeout(timer);
    try {
      await oneTabAtATime(w, KEY + '-lock', 2 * TIMEOUT, sendAll);
      delay = 1000;
    } catch (error) {
      report(`Kelisim: the consent log at ${url} did not take a record (${(error as Error).name == 'TimeoutError' ? 'not answering' : (error as Error).message}); it stays queued and will be sent again.`);
      timer = setTimeout(flush, delay);
      delay = Math.min(delay * 2, MAX_DELAY);
    } finally {
      sending = false;
    }
  }

  const online = () => flush();
  w.addEventListener('online', online);

  return {
    add(record: LogRecord) {
      write(read().concat(record));
      flush();
    },
    flush,
    /** Send what earlier page views left, unless this one has already tried (and is backing off). */
    resume() {
      if (!tried) flush();
    },
    stop() {
      clearTimeout(timer);
      w.removeEventListener('online', online);
    },
  };
}
