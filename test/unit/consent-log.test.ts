import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsentLog, type LogRecord } from '../../src/store/consent-log';

const record = (id = 'AbCdEfGhIjKlMnOp'): LogRecord => ({
  id, timestamp: '2026-11-30T12:00:00.000Z', action: 'choice', granted: ['necessary'], denied: ['analytics'],
  revision: '2019-02-20', language: 'kk', textHash: 'abc', path: '/',
});
const queued = () => JSON.parse(localStorage.getItem('kelisim-consent-log') || '[]');
const logs: ReturnType<typeof createConsentLog>[] = [];
const open = (report = vi.fn()) => {
  const log = createConsentLog('https://proof.example.kz/consent', window, report);
  logs.push(log);
  return log;
};

afterEach(() => {
  logs.splice(0).forEach((log) => log.stop());
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('consent log', () => {
  it('keeps the exact record body the receiver reads', async () => {
    const sent = vi.fn(async () => ({ ok: true, type: 'cors' }) as Response);
    vi.stubGlobal('fetch', sent);
    open().add(record());
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    const [url, init] = sent.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://proof.example.kz/consent');
    expect(Object.keys(JSON.parse(String(init.body)))).toEqual(['id', 'timestamp', 'action', 'granted', 'denied', 'revision', 'language', 'textHash', 'path']);
  });

  it('a full localStorage: the record is still sent, and the console says it lives in this page only', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const sent = vi.fn(async () => ({ ok: true, type: 'cors' }) as Response);
    vi.stubGlobal('fetch', sent);
    const report = vi.fn();
    open(report).add(record());
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    expect(report.mock.calls[0][0]).toMatch(/localStorage is full or blocked/);
  });

  it('a redirect is not a delivery: the POST is sent with redirect "manual" and the record stays queued', async () => {
    const sent = vi.fn(async () => ({ ok: false, status: 0, type: 'opaqueredirect' }) as Response);
    vi.stubGlobal('fetch', sent);
    const report = vi.fn();
    open(report).add(record());
    await vi.waitFor(() => expect(report).toHaveBeenCalled());
    expect((sent.mock.calls[0] as unknown as [string, RequestInit])[1]).toMatchObject({ method: 'POST', redirect: 'manual' });
    expect(report.mock.calls[0][0]).toMatch(/redirect/);
    expect(queued()).toEqual([record()]);
  });

  it('a record the receiver refuses for good is dropped with a message, and the withdrawal behind it is sent', async () => {
    const withdrawal = { ...record(), timestamp: '2026-11-30T12:05:00.000Z', action: 'withdrawal' as const };
    const sent = vi.fn(async (_url: string, init: RequestInit) => (JSON.parse(String(init.body)).action == 'choice'
      ? { ok: false, status: 422, type: 'cors', text: async () => '{"error":"path must start with /"}' }
      : { ok: true, status: 201, type: 'cors' }) as unknown as Response);
    vi.stubGlobal('fetch', sent);
    localStorage.setItem('kelisim-consent-log', JSON.stringify([record(), withdrawal]));
    const report = vi.fn();
    open(report).flush();
    await vi.waitFor(() => expect(queued()).toEqual([]));
    expect(sent).toHaveBeenCalledTimes(2);
    expect(report.mock.calls.map((c) => c[0])).toEqual([expect.stringMatching(/refused record AbCdEfGhIjKlMnOp \(choice\) for good: HTTP 422 .*path must start/)]);
  });

  it('a receiver that refuses the endpoint (403, 404, 500) keeps every record queued', async () => {
    for (const status of [403, 404, 500]) {
      const sent = vi.fn(async () => ({ ok: false, status, type: 'cors', text: async () => '' }) as unknown as Response);
      vi.stubGlobal('fetch', sent);
      const report = vi.fn();
      const log = open(report);
      log.add(record());
      await vi.waitFor(() => expect(report).toHaveBeenCalled());
      expect(report.mock.calls[0][0]).toMatch(/stays queued/);
      expect(queued()).toEqual([record()]);
      log.stop();
      localStorage.clear();
    }
  });

  it('a receiver that never answers: each send gives up after 8 s, says so, and the record goes again later', async () => {
    const timeout = vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new DOMException('signal timed out', 'TimeoutError')), 20);
      return controller.signal;
    });
    let answering = false;
    const sent = vi.fn((_: string, init: RequestInit) => answering
      ? Promise.resolve({ ok: true, type: 'cors' } as Response)
      : new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))));
    vi.stubGlobal('fetch', sent);
    const report = vi.fn();
    const log = open(report);
    log.add(record());
    await vi.waitFor(() => expect(report).toHaveBeenCalled());
    expect(timeout).toHaveBeenCalledWith(8000);
    expect(report.mock.calls[0][0]).toMatch(/not answering/);
    answering = true;
    await log.flush();
    expect(queued()).toEqual([]);
    expect(sent).toHaveBeenCalledTimes(2);
  });

  it('two tabs without Web Locks send a queued record once', async () => {
    expect('locks' in navigator).toBe(false);
    localStorage.setItem('kelisim-consent-log', JSON.stringify([record()]));
    const sent = vi.fn(() => new Promise<Response>((resolve) => setTimeout(() => resolve({ ok: true, type: 'cors' } as Response), 50)));
    vi.stubGlobal('fetch', sent);
    const [a, b] = [open(), open()];
    await Promise.all([a.flush(), b.flush()]);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(queued()).toEqual([]);
    expect(localStorage.getItem('kelisim-consent-log-lock')).toBeNull();
  });

  it('a page left while sending gives up its lease, so the next page view sends at once', async () => {
    localStorage.setItem('kelisim-consent-log', JSON.stringify([record()]));
    // A receiver that has not answered when the visitor reloads.
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));
    open().flush();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(localStorage.getItem('kelisim-consent-log-lock')).not.toBeNull();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(localStorage.getItem('kelisim-consent-log-lock')).toBeNull();
  });

  it('a lease written before the clock went back does not hold the queue', async () => {
    localStorage.setItem('kelisim-consent-log', JSON.stringify([record()]));
    localStorage.setItem('kelisim-consent-log-lock', `gone ${Date.now() + 86_400_000}`);
    const sent = vi.fn(async () => ({ ok: true, type: 'cors' }) as Response);
    vi.stubGlobal('fetch', sent);
    await open().flush();
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('a lease left by a closed tab expires, and the queue is sent', async () => {
    localStorage.setItem('kelisim-consent-log', JSON.stringify([record()]));
    localStorage.setItem('kelisim-consent-log-lock', `gone ${Date.now() + 400}`);
    const sent = vi.fn(async () => ({ ok: true, type: 'cors' }) as Response);
    vi.stubGlobal('fetch', sent);
    const started = Date.now();
    await open().flush();
    expect(sent).toHaveBeenCalledTimes(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });
});
