import type { Counter, GateSettings as Settings } from '../core/config';
import { presetsInUse } from '../presets/source';
import type { PresetContext } from '../presets/preset';
import { blank } from '../core/own';
import { loadScript } from './load-script';

const PENDING = 0;
const RAN = 1;
const REFUSED = 2;
// Counters started on this page by any instance: after destroy() and a new init() (an SPA
// remounting its shell), the vendor's loader must not run a second time.
const STARTED = Symbol.for('kelisim.started');

type Report = (message: string, error?: unknown) => void;

const describe = (counter: Counter, i: number) =>
  `counters[${i}] (${counter.preset || counter.src || 'load()'}${counter.id ? ' ' + counter.id : ''})`;

/**
 * Registered counters: each preset's queue stub exists from init; a counter runs at most once per
 * page, when its category is allowed, and is told when it is refused or withdrawn.
 */
export function createCounterGate(
  w: Window & Record<string, any>,
  settings: Settings,
  nonce: string | undefined,
  report: Report,
  ran: (category: string) => void,
) {
  const contexts: PresetContext[] = settings.counters.map((counter) => ({
    w,
    counter,
    settings,
    load: (src: string, attributes?: Record<string, string>) => loadScript(w.document, src, nonce, attributes),
  }));
  const presets = presetsInUse();
  const states = contexts.map(() => PENDING);
  const page = w as unknown as Record<symbol, Record<string, 1>>;
  // Keyed by script URL: a map with a prototype would find `constructor` already started.
  const started = page[STARTED] || (page[STARTED] = blank<1>());
  const keyOf = ({ preset, id, src }: Counter) => (preset ? preset + ':' + id : src);
  // Another id of the vendor is allowed (GA4 beside refused Google Ads): asked of this config, not of
  // what the window remembers, since after destroy() and init() the old config's ids allow nothing.
  const inUse = (preset: Counter['preset'], allowed: string[]) =>
    contexts.some((other) => other.counter.preset == preset && allowed.indexOf(other.counter.category) >= 0);
  const guard = (i: number, step: () => unknown) => {
    try {
      return step();
    } catch (error) {
      report(`Kelisim: ${describe(contexts[i].counter, i)} failed`, error);
    }
  };

  contexts.forEach((ctx, i) => guard(i, () => ctx.counter.preset && presets[ctx.counter.preset].stub(ctx)));

  const start = (ctx: PresetContext, i: number, more: boolean) => {
    const { counter } = ctx;
    const failed = (error: unknown) => report(`Kelisim: ${describe(counter, i)} failed to load`, error);
    if (counter.preset) presets[counter.preset].grant(ctx, more);
    else if (counter.src) ctx.load(counter.src).catch(failed);
    else Promise.resolve(counter.load!()).catch(failed);
  };

  return {
    /** Start what `allowed` permits; stop (and revoke) what belongs to a `refused` category. */
    apply(allowed: string[], refused: string[]): void {
      // Consent signals first: Consent Mode wants its `update` before any `config` is read.
      contexts.forEach((ctx, i) => guard(i, () => ctx.counter.preset && presets[ctx.counter.preset].sync?.(ctx, allowed)));
      const due: number[] = [];
      contexts.forEach((ctx, i) => {
        const category = ctx.counter.category;
        if (allowed.indexOf(category) < 0 || states[i] == RAN) return;
        const key = keyOf(ctx.counter);
        if (!(states[i] == PENDING && key && started[key])) due.push(i);
        states[i] = RAN;
        ran(category);
        if (key) started[key] = 1;
      });
      // When another id of the same vendor starts with this choice, the page's held calls wait for
      // its init too, as in a snippet with two `fbq('init', …)` before the page's events.
      due.forEach((i, n) => guard(i, () => start(contexts[i], i,
        due.slice(n + 1).some((j) => contexts[j].counter.preset == contexts[i].counter.preset))));
      // Refusals after the starts: a vendor with one id allowed and another refused (GA4 and
      // Google Ads) keeps the page's held calls for the allowed one, whatever the list's order.
      contexts.forEach((ctx, i) => {
        if (refused.indexOf(ctx.counter.category) < 0 || states[i] == REFUSED) return;
        const withdrawn = states[i] == RAN;
        states[i] = REFUSED;
        guard(i, () => ctx.counter.preset && presets[ctx.counter.preset].deny(ctx, withdrawn, inUse(ctx.counter.preset, allowed)));
      });
    },
    /**
     * The vendors' own cookie patterns for a refused category's preset counters, unless another id
     * of the vendor stays allowed; for Google's, by Consent Mode type: those of the types the
     * category gave and no `allowed` one still gives.
     */
    cookies(category: string, allowed: string[]): string[] {
      const { map } = settings.consentMode;
      const types = (map[category] || []).filter((type) => !allowed.some((c) => (map[c] || []).indexOf(type) >= 0));
      return contexts.reduce<string[]>((all, { counter }) => {
        const preset = counter.preset && presets[counter.preset];
        if (preset && preset.types) return types.reduce((list, type) => list.concat(preset.types![type] || []), all);
        // Others by the vendor: none while another of its ids stays allowed (one _fbp serves every Meta pixel).
        return counter.category == category && preset && !inUse(counter.preset, allowed) ? all.concat(preset.cookies) : all;
      }, []);
    },
  };
}
