import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInstance } from '../../src/api';
import type { UIController, UIHost } from '../../src/core/ui-host';
import type { Kelisim, KelisimConfig } from '../../src/types';
import { connect, deleteCookies } from '../../src/ui-chunk';

/** The UI chunk with its banner and dialog replaced by `mount`. */
const chunkWith = (mount: (h: UIHost) => UIController) => ({ connect, deleteCookies, mount });

let instances: Kelisim[] = [];
let host: UIHost | undefined;
let shown: string[] = [];
let mounts = 0;

const controller = (): UIController => ({
  showBanner: () => shown.push('banner'),
  showPreferences: () => shown.push('preferences'),
  hide: () => shown.push('hidden'),
  refresh: () => {},
  placeholders: () => {},
  destroy: () => shown.push('destroyed'),
});

const start = (config: KelisimConfig = {}) => {
  const instance = createInstance({
    loadUI: () => Promise.resolve(chunkWith((h: UIHost) => {
      host = h;
      mounts++;
      return controller();
    })),
  });
  instances.push(instance);
  return instance.init({ reloadOnWithdraw: false, revision: '2019-02-20', ...config });
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const consentCookie = () => document.cookie.split('; ').find((c) => c.startsWith('kelisim='));

beforeEach(() => {
  shown = [];
  mounts = 0;
  host = undefined;
});

afterEach(() => {
  instances.forEach((i) => i.destroy());
  instances = [];
  for (const c of document.cookie.split('; ')) document.cookie = `${c.split('=')[0]}=; max-age=0; path=/`;
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('first visit', () => {
  it('shows the banner, allows only necessary, and runs no counter', async () => {
    const load = vi.fn();
    const k = start({ counters: [{ category: 'analytics', load }] });
    await settle();
    expect(shown).toEqual(['banner']);
    expect(k.isAllowed('necessary')).toBe(true);
    expect(k.isAllowed('analytics')).toBe(false);
    expect(k.getConsent()).toBeNull();
    expect(load).not.toHaveBeenCalled();
    expect(consentCookie()).toBeUndefined();
  });

  it('accepting writes the cookie, runs the counter once, and fires consent then change', async () => {
    const load = vi.fn();
    const events: string[] = [];
    const k = start({ counters: [{ category: 'analytics', load }] });
    k.on('kelisim:consent', (d) => events.push('consent:' + d.categories.join()));
    k.on('kelisim:change', (d) => events.push('change:+' + d.added.join() + '-' + d.removed.join()));
    k.acceptAll();
    k.acceptAll();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(consentCookie()).toMatch(/^kelisim=1\.[\w-]{16}\./);
    expect(events).toEqual(['consent:necessary,analytics,advertising', 'change:+analytics,advertising-']);
    expect(k.getConsent()).toMatchObject({ categories: ['necessary', 'analytics', 'advertising'], denied: [], revision: '2019-02-20' });
    // Chosen before the UI chunk arrived: the banner must not appear afterwards.
    expect(shown).not.toContain('banner');
  });

  it('rejecting records the refusal and runs nothing', async () => {
    const load = vi.fn();
    const k = start({ counters: [{ category: 'analytics', load }] });
    k.rejectAll();
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(k.getConsent()).toMatchObject({ categories: ['necessary'], denied: ['analytics', 'advertising'] });
  });

  it('a choice from the banner passes its text hash into the record', async () => {
    start();
    await settle();
    host!.choose(['analytics'], 'abc123');
    expect(instances[0].getConsent()).toMatchObject({ categories: ['necessary', 'analytics'], textHash: 'abc123' });
  });
});

describe('returning visitor', () => {
  it('activates the stored choice without loading the UI, and fires consent but not change', async () => {
    start().accept(['analytics']);
    instances[0].destroy();
    const mountsBefore = mounts;
    const load = vi.fn();
    const events: string[] = [];
    const k = start({ counters: [{ category: 'analytics', load }] });
    k.on('kelisim:consent', () => events.push('consent'));
    k.on('kelisim:change', () => events.push('change'));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(mounts).toBe(mountsBefore);
    expect(events).toEqual(['consent']);
  });

  it('does not touch localStorage on the way to the banner or on a return: its first access is a blocking round trip in browsers', async () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    const k = start();
    await settle();
    expect(shown).toEqual(['banner']);
    expect(['ru', 'kk', 'en']).toContain(host!.language);
    k.acceptAll();
    k.destroy();
    start();
    await settle();
    expect(getItem).not.toHaveBeenCalled();
  });

  it('a tampered cookie means no consent, the console says why, and the banner asks again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.cookie = 'kelisim=1.AAAAAAAAAAAAAAAA.zzz.zzz.zzz.x.ru.0.analytics+advertising.; path=/';
    const load = vi.fn();
    const k = start({ counters: [{ category: 'analytics', load }] });
    await settle();
    expect(k.getConsent()).toBeNull();
    expect(load).not.toHaveBeenCalled();
    expect(shown).toEqual(['banner']);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('the cookie kelisim holds a value this version cannot read (1.AAAA')]);
  });

  it('a script that subscribes after the page load told the choice still hears it, once', async () => {
    start().accept(['analytics']);
    instances[0].destroy();
    const k = start();
    const early: unknown[] = [];
    k.on('kelisim:consent', (d) => early.push(d));
    await settle();
    const late: any[] = [];
    k.on('kelisim:consent', (d) => late.push(d));
    const off = k.on('kelisim:consent', (d) => late.push(d));
    off();
    await settle();
    expect(early).toHaveLength(1);
    expect(late).toEqual([{ consent: k.getConsent(), categories: ['necessary', 'analytics'] }]);
    // After reset() there is no choice to tell.
    k.reset();
    k.on('kelisim:consent', (d) => late.push(d));
    await settle();
    expect(late).toHaveLength(1);
  });

  it('after destroy() and init() again, a handler added at once hears the stored choice once, not twice', async () => {
    start().accept(['analytics']);
    const k = instances[0];
    k.on('kelisim:consent', () => {});
    await settle();
    k.destroy();
    k.init({ reloadOnWithdraw: false, revision: '2019-02-20' });
    const heard: unknown[] = [];
    k.on('kelisim:consent', (d) => heard.push(d));
    await settle();
    expect(heard).toHaveLength(1);
  });

  it('a new category is asked about while earlier answers keep applying', async () => {
    start().accept(['analytics']);
    instances[0].destroy();
    shown = [];
    const k = start({ categories: { necessary: { required: true }, analytics: {}, advertising: {}, personalization: {} } });
    await settle();
    expect(k.isAllowed('analytics')).toBe(true);
    expect(shown).toEqual(['banner']);
    expect(host!.unanswered()).toEqual(['personalization']);
  });
});

describe('robustness', () => {
  it('a throwing handler does not stop other handlers or counters', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn();
    const second = vi.fn();
    const k = start({ counters: [{ category: 'analytics', load }] });
    k.on('kelisim:consent', () => { throw new Error('page bug'); });
    k.on('kelisim:consent', second);
    k.acceptAll();
    await settle();
    expect(load).toHaveBeenCalled();
    expect(second).toHaveBeenCalled();
    expect(error.mock.calls.some((c) => String(c[0]).includes("a 'kelisim:consent' handler threw"))).toBe(true);
  });

  it('accept() with something other than an array records nothing and leaves the banner up', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const k = start();
    await settle();
    k.accept('analytics' as any);
    expect(error.mock.calls[0][0]).toContain('accept() needs an array of category names, got string');
    expect(k.getConsent()).toBeNull();
    expect(consentCookie()).toBeUndefined();
    expect(shown).toEqual(['banner']);
  });

  it('a counter whose load() throws is reported and the others still run', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    start({ counters: [{ category: 'analytics', load: () => { throw new Error('boom'); } }, { category: 'analytics', load: after }] }).acceptAll();
    await settle();
    expect(after).toHaveBeenCalled();
    expect(error.mock.calls[0][0]).toContain('counters[0] (load()) failed');
  });

  it('blocked cookies keep the choice for the page view and say so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    // Where the browser throws (a sandboxed frame): in Document.prototype's accessor, which Kelisim
    // reads rather than `document.cookie`, since a page element named `cookie` shadows that.
    Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get: () => { throw new Error('SecurityError'); }, set: () => { throw new Error('SecurityError'); } });
    try {
      const load = vi.fn();
      const k = start({ counters: [{ category: 'analytics', load }] });
      await settle();
      k.acceptAll();
      await settle();
      expect(k.isAllowed('analytics')).toBe(true);
      expect(load).toHaveBeenCalled();
      expect(host!.cookiesBlocked()).toBe(true);
      expect(warn.mock.calls.some((c) => String(c[0]).includes('could not be stored'))).toBe(true);
    } finally {
      Object.defineProperty(Document.prototype, 'cookie', descriptor);
    }
  });

  it('a second instance warns instead of loading counters twice', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = vi.fn();
    start({ counters: [{ category: 'analytics', load }] }).acceptAll();
    const other = start({ counters: [{ category: 'analytics', load }] });
    other.acceptAll();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls.some((c) => String(c[0]).includes('another Kelisim instance'))).toBe(true);
  });

  it('init twice keeps the first config and warns', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const k = start({ revision: 'a' });
    k.init({ revision: 'b' });
    expect(warn.mock.calls[0][0]).toContain('init() was called again');
  });

  it('methods called before init warn instead of throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const k = createInstance({ loadUI: () => Promise.reject(new Error('x')) });
    expect(() => { k.acceptAll(); k.show(); k.reset(); }).not.toThrow();
    expect(k.isAllowed('analytics')).toBe(false);
    expect(warn).toHaveBeenCalledWith('Kelisim: acceptAll() was called before init(config).');
  });

  it('a UI chunk that fails to load is reported and consent is not assumed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const k = createInstance({ loadUI: () => Promise.reject(new Error('404')) });
    instances.push(k);
    k.init({});
    await settle();
    expect(error.mock.calls[0][0]).toContain('the banner could not be loaded');
    expect(k.isAllowed('analytics')).toBe(false);
  });
});

describe('withdrawal, reset and destroy', () => {
  it("withdrawing deletes the category's cookies and the vendors', and fires change", async () => {
    const k = start({
      categories: { necessary: { required: true }, analytics: { cookies: ['_ym_*'] }, advertising: {} },
      counters: [{ category: 'advertising', preset: 'meta-pixel', id: '1' }],
    });
    k.acceptAll();
    document.cookie = '_ym_uid=1; path=/';
    document.cookie = '_fbp=fb.1; path=/';
    document.cookie = 'own=1; path=/';
    const changes: unknown[] = [];
    k.on('kelisim:change', (d) => changes.push(d));
    k.accept([]);
    await settle();
    expect(document.cookie).not.toMatch(/_ym_uid|_fbp/);
    expect(document.cookie).toContain('own=1');
    expect(changes).toEqual([{ added: [], removed: ['analytics', 'advertising'], categories: ['necessary'] }]);
  });

  it("a first refusal clears cookies the category left before, a stored one at page load does not", async () => {
    document.cookie = '_ym_uid=old; path=/';
    const categories = { necessary: { required: true }, analytics: { cookies: ['_ym_*'] }, advertising: {} };
    const k = start({ categories });
    k.rejectAll();
    // The cleanup comes with the UI chunk.
    await settle();
    expect(document.cookie).not.toContain('_ym_uid');
    k.destroy();
    document.cookie = '_ym_uid=again; path=/';
    start({ categories });
    await settle();
    expect(document.cookie).toContain('_ym_uid=again');
  });

  it('destroy() while the UI is on its way: nothing appears afterwards', async () => {
    let deliver!: (chunk: ReturnType<typeof chunkWith>) => void;
    const k = createInstance({ loadUI: () => new Promise((resolve) => { deliver = resolve; }) });
    instances.push(k);
    k.init({ revision: '2019-02-20' });
    await settle();
    k.destroy();
    deliver(chunkWith(() => { mounts++; return controller(); }));
    await settle();
    expect(mounts).toBe(0);
  });

  it('reset forgets the choice and asks again', async () => {
    const k = start();
    await settle();
    k.acceptAll();
    k.reset();
    await settle();
    expect(consentCookie()).toBeUndefined();
    expect(k.getConsent()).toBeNull();
    expect(k.isAllowed('analytics')).toBe(false);
    expect(shown).toEqual(['banner', 'hidden', 'banner']);
  });

  it('[data-kelisim="preferences"] opens the dialog until destroy()', async () => {
    const button = document.createElement('button');
    button.setAttribute('data-kelisim', 'preferences');
    document.body.appendChild(button);
    const k = start();
    await settle();
    button.click();
    await settle();
    expect(shown).toEqual(['banner', 'preferences']);
    k.destroy();
    button.click();
    await settle();
    expect(shown).toEqual(['banner', 'preferences', 'destroyed']);
    button.remove();
  });
});

describe('consent log', () => {
  it('sends what an earlier page view left queued, but only after the page has loaded', async () => {
    const left = { id: 'abc', timestamp: '2026-01-01T00:00:00.000Z', action: 'choice', granted: ['necessary'], denied: [] };
    localStorage.setItem('kelisim-consent-log', JSON.stringify([left]));
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    const sent = vi.fn(async () => ({ ok: true }) as Response);
    vi.stubGlobal('fetch', sent);
    start({ consentLog: { url: '/consent' } });
    await Promise.resolve();
    // Reading the queue is a localStorage round trip: not in the way of the banner.
    expect(getItem).not.toHaveBeenCalled();
    // Without Web Locks (plain http, jsdom) a tab first takes a lease in localStorage.
    await vi.waitFor(() => expect(JSON.parse(localStorage.getItem('kelisim-consent-log')!)).toEqual([]));
    expect(sent).toHaveBeenCalledTimes(1);
    const [, init] = sent.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual(left);
    expect(JSON.parse(localStorage.getItem('kelisim-consent-log')!)).toEqual([]);

    // destroy() before the page view got round to it: nothing is sent after it.
    localStorage.setItem('kelisim-consent-log', JSON.stringify([left]));
    instances.splice(0).forEach((i) => i.destroy());
    start({ consentLog: { url: '/consent' } }).destroy();
    await settle();
    expect(sent).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });

  it('posts each choice and keeps failed records queued until the receiver answers 2xx', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const bodies: Record<string, unknown>[] = [];
    let up = false;
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      expect(init).toMatchObject({ method: 'POST', keepalive: true });
      return { ok: up } as Response;
    }));
    const k = start({ consentLog: { url: '/consent' } });
    k.accept(['analytics']);
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ action: 'choice', granted: ['necessary', 'analytics'], denied: ['advertising'], revision: '2019-02-20', path: '/' });
    expect(JSON.parse(localStorage.getItem('kelisim-consent-log')!)).toHaveLength(1);
    up = true;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(JSON.parse(localStorage.getItem('kelisim-consent-log')!)).toEqual([]);
    vi.unstubAllGlobals();
  });

  it('a long Cyrillic address is recorded as the browser encodes it, cut to the 512 characters the proof store takes', async () => {
    const bodies: Record<string, any>[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return { ok: true, status: 201 } as Response;
    }));
    history.pushState(null, '', '/блог/' + 'как-правильно-выбрать-тональный-крем-'.repeat(4));
    try {
      start({ consentLog: { url: '/consent' } }).acceptAll();
      await vi.waitFor(() => expect(bodies).toHaveLength(1));
      expect(bodies[0].path).toHaveLength(512);
      expect(bodies[0].path).toBe(location.pathname.slice(0, 512));
      expect(bodies[0].path).toMatch(/^\/%D0%B1%D0%BB/);
    } finally {
      history.replaceState(null, '', '/');
      vi.unstubAllGlobals();
    }
  });
});
