import { afterEach, describe, expect, it, vi } from 'vitest';
import { presets } from '../../src/presets';
import type { PresetContext } from '../../src/presets/preset';
import { validate } from '../../src/core/validate';
import type { PresetName } from '../../src/types';
import { createCounterGate } from '../../src/gate/counters';
import { fetchedPreset, lazyPresets } from '../../src/presets/lazy';
import { usePresets } from '../../src/presets/source';

const w = window as unknown as Window & Record<string | symbol, any>;
const loads: string[] = [];

const context = (preset: PresetName, id: string, fail = false, config: object = {}): PresetContext => {
  const settings = validate({ counters: [{ category: 'analytics', preset, id }], ...config }, () => {}, () => {});
  return {
    w,
    counter: settings.counters[0],
    settings,
    load: (src) => {
      loads.push(src);
      return fail ? Promise.reject(new Error('blocked')) : Promise.resolve();
    },
  };
};

afterEach(() => {
  for (const key of ['ym', 'gtag', 'dataLayer', '_tmr', 'fbq', '_fbq', 'ttq', 'TiktokAnalyticsObject']) delete w[key];
  delete w[Symbol.for('kelisim.vendors')];
  loads.length = 0;
  vi.restoreAllMocks();
});

describe('presets', () => {
  it('a loader that fails is reported with vendor, id and URL, and nothing throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ctx = context('yandex-metrika', '123', true);
    presets['yandex-metrika'].stub(ctx);
    expect(() => presets['yandex-metrika'].grant(ctx)).not.toThrow();
    await Promise.resolve();
    await Promise.resolve();
    expect(error).toHaveBeenCalledWith('Kelisim: Yandex Metrica (123) failed to load from https://mc.yandex.ru/metrika/tag.js?id=123');
  });

  it('two counters of one vendor share one queue and one loader', () => {
    const first = context('gtag', 'G-ONE');
    const second = context('gtag', 'AW-TWO');
    presets.gtag.stub(first);
    presets.gtag.stub(second);
    w.gtag('event', 'held');
    presets.gtag.grant(first);
    presets.gtag.grant(second);
    presets.gtag.grant(second);
    const calls = w.dataLayer.map((entry: IArguments) => Array.prototype.slice.call(entry, 0, 2).join(':'));
    expect(calls).toEqual(['consent:default', 'js:' + String(w.dataLayer[1][1]), 'config:G-ONE', 'event:held', 'config:AW-TWO']);
    expect(loads).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-ONE']);
  });

  it('withdrawn then allowed again on one page: calls in between are dropped, the pixel is re-granted', () => {
    const ctx = context('meta-pixel', '42');
    presets['meta-pixel'].stub(ctx);
    presets['meta-pixel'].grant(ctx);
    presets['meta-pixel'].deny(ctx, true);
    w.fbq('track', 'WhileRefused');
    presets['meta-pixel'].grant(ctx);
    expect(w.fbq.queue.map((c: IArguments) => Array.prototype.slice.call(c).join(':'))).toEqual([
      'init:42:[object Object]', 'trackSingle:42:PageView', 'consent:revoke', 'consent:grant',
    ]);
    expect(loads).toHaveLength(1);
  });

  it("leaves a vendor's real global alone", () => {
    const real = () => 'real';
    w.ym = real;
    presets['yandex-metrika'].stub(context('yandex-metrika', '1'));
    expect(w.ym).toBe(real);
  });

  it('keeps VK calls made into an existing _tmr array before Kelisim ran, until consent', () => {
    w._tmr = [{ id: '1', type: 'pageView' }];
    const ctx = context('vk-pixel', '1');
    presets['vk-pixel'].stub(ctx);
    expect(w._tmr.length).toBe(0);
    presets['vk-pixel'].grant(ctx);
    expect(w._tmr.map((e: { type: string }) => e.type)).toEqual(['pageView', 'pageView']);
  });
});

describe('presets fetched as chunks (the npm build)', () => {
  const settings = (preset: PresetName, id: string) =>
    validate({ counters: [{ category: 'analytics', preset, id }] }, () => {}, () => {});
  const loaders = () => Array.from(document.querySelectorAll('script[src]'), (s) => s.getAttribute('src'));
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  afterEach(() => {
    usePresets(presets);
    document.querySelectorAll('script[src]').forEach((s) => s.remove());
  });

  it('the stub queues from init, and held calls reach the vendor after its init once the chunk is in', async () => {
    usePresets(lazyPresets);
    const gate = createCounterGate(w, settings('yandex-metrika', '7'), undefined, () => {}, () => {});
    w.ym(7, 'reachGoal', 'early');
    gate.apply(['analytics'], []);
    w.ym(7, 'reachGoal', 'before the chunk');
    expect(w.ym.a).toBeUndefined();
    expect(loaders()).toEqual([]);
    await flush();
    const words = (call: IArguments) => Array.from(call).filter((arg) => typeof arg == 'string').join(':');
    expect(w.ym.a.map(words)).toEqual(['init', 'reachGoal:early', 'reachGoal:before the chunk']);
    expect(loaders()).toEqual(['https://mc.yandex.ru/metrika/tag.js?id=7']);
  });

  it('a refusal made before the chunk arrives drops the held calls and loads nothing', async () => {
    usePresets(lazyPresets);
    const gate = createCounterGate(w, settings('meta-pixel', '42'), undefined, () => {}, () => {});
    w.fbq('track', 'Lead');
    gate.apply([], ['analytics']);
    await flush();
    w.fbq('track', 'Purchase');
    expect(w.fbq.queue).toEqual([]);
    expect(loaders()).toEqual([]);
    expect(gate.cookies('analytics', [])).toEqual(['_fbp', '_fbc']);
  });

  it("Google's cookies go by Consent Mode type, before its chunk is in: a refusal of advertising leaves GA4's", () => {
    usePresets(lazyPresets);
    const counters = [{ category: 'analytics', preset: 'gtag', id: 'G-ONE' }, { category: 'advertising', preset: 'gtag', id: 'AW-TWO' }];
    const gate = createCounterGate(w, validate({ counters }, () => {}, () => {}), undefined, () => {}, () => {});
    const patterns = (category: string, allowed: string[]) => [...new Set(gate.cookies(category, allowed))];
    expect(patterns('advertising', ['necessary', 'analytics'])).toEqual(['_gcl_*']);
    expect(patterns('analytics', ['necessary', 'advertising'])).toEqual(['_ga', '_ga_*', '_gid', '_gat*']);
    expect(gate.cookies('analytics', [])).toContain('_ga_*');
  });

  it('a chunk that fails to load is reported once, naming the preset, and the stub still queues', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    usePresets({ ...lazyPresets, 'tiktok-pixel': fetchedPreset('tiktok-pixel', () => Promise.reject(new Error('404'))) });
    const gate = createCounterGate(w, settings('tiktok-pixel', 'C4ABCDEFGHIJKLMNOPQR'), undefined, () => {}, () => {});
    gate.apply(['analytics'], []);
    expect(() => w.ttq.track('ViewContent')).not.toThrow();
    await flush();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toBe('Kelisim: the tiktok-pixel preset failed to load');
    expect(loaders()).toEqual([]);
  });
});
