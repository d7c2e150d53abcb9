/** One line of proof: who (id) agreed to what, when, under which text (Law 94-V Art. 8). */
export interface LogRecord {
  id: string;
  timestamp: string;
  action: 'choice' | 'withdrawal' | 'reset';
  granted: string[];
  denied: string[];
  revision: string;
  language: string;
  textHash: string;
  path: string;
}

const KEY = 'kelisim-consent-log';
const MAX_DELAY = 60_000;

type Report = (message: string, error?: unknown) => void;

const sameRecord = (a: LogRecord, b: LogRecord) => a.id == b.id && a.timestamp == b.timestamp && a.action == b.action;

/**
 * Records wait in localStorage until the receiver answers 2xx, so none is lost to a closed tab or
 * a receiver that is down: every later page view and every `online` event tries again, with
 * back-off only within a page view. Tabs take a Web Lock before sending so none is sent twice.
 */
export function createConsentLog(url: string, w: Window, report: Report) {
  let memory: LogRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 1000;
  let sending = false;
  let tried = false;

  const read = (): LogRecord[] => {
    try {
      const parsed = JSON.parse(w.localStorage.getItem(KEY) || '[]');
      return Array.isArray(parsed) ? parsed.filter((r) => r && typeof r.id == 'string' && typeof r.timestamp == 'string') : [];
    } catch {
      return memory;
    }
  };
  const write = (records: LogRecord[]) => {
    memory = records;
    try {
      w.localStorage.setItem(KEY, JSON.stringify(records));
    } catch {
      // Storage blocked: the queue lives in memory for this page view.
    }
  };

  const post = async (record: LogRecord): Promise<boolean> => {
    const body = JSON.stringify(record);
    const fetchKeepsAlive = typeof w.fetch == 'function' && typeof Request != 'undefined' && 'keepalive' in Request.prototype;
    if (!fetchKeepsAlive && w.navigator.sendBeacon) {
      // Only where fetch cannot outlive the page: sendBeacon cannot see the receiver's answer.
      return w.navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }));
    }
    const response = await w.fetch(url, {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    return response.ok;
  };

  const sendAll = async () => {
    for (const record of read()) {
      let ok = false;
      try {
        ok = await post(record);
      } catch {
        ok = false;
      }
      if (!ok) throw new Error('receiver unavailable');
      write(read().filter((r) => !sameRecord(r, record)));
    }
  };

  async function flush(): Promise<void> {
    tried = true;
    if (sending || !read().length) return;
    sending = true;
    clearTimeout(timer);
    try {
      const locks = (w.navigator as Navigator & { locks?: LockManager }).locks;
      await (locks ? locks.request(KEY, sendAll) : sendAll());
      delay = 1000;
    } catch (error) {
      report(`Kelisim: the consent log at ${url} did not accept a record; it stays queued and will be sent again.`, error);
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
