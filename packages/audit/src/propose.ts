import { catalog } from '../../../src/presets/catalog';
import type { KelisimConfig, PresetName } from '../../../src/types';
import { matches } from './map/classify';
import { idsIn } from './map/ids';
import { widgets } from './map/widgets';
import type { AuditResult, Purpose } from './types';

const ORDER: Purpose[] = ['necessary', 'analytics', 'advertising', 'personalization', 'functional'];

export interface Proposal {
  config: KelisimConfig;
  /** What the draft could not settle by itself, for the person who applies it. */
  notes: string[];
}

/**
 * A draft config from what the page did once everything was accepted (or, on a page without
 * Kelisim, before any choice): a category per purpose seen, a preset counter per vendor whose id
 * its requests carry, and the cookie patterns of the other vendors so withdrawal deletes them.
 */
export function propose(results: AuditResult | AuditResult[], today = new Date()): Proposal {
  const phases = ([] as AuditResult[]).concat(results).map((r) => r.phases.find((p) => p.name == 'accept') || r.phases[0]);
  const phase = {
    requests: phases.flatMap((p) => p.requests),
    cookies: phases.flatMap((p) => p.cookies),
    storage: phases.flatMap((p) => p.storage),
  };
  const notes: string[] = [];
  const purposes = new Set<Purpose>(['necessary']);
  const counters: { category: string; preset: PresetName; id: string }[] = [];
  const presetsSeen = new Set<PresetName>();

  for (const r of phase.requests) {
    if (r.firstParty || r.purpose == 'unknown' || r.purpose == 'necessary') continue;
    purposes.add(r.purpose);
    if (!r.preset) continue;
    presetsSeen.add(r.preset);
    for (const id of idsIn(r.preset, r.url)) {
      if (counters.some((c) => c.preset == r.preset && c.id == id)) continue;
      const category = r.preset == 'gtag' && !id.startsWith('G-') ? 'advertising' : r.purpose;
      purposes.add(category);
      counters.push({ category, preset: r.preset, id });
    }
  }
  for (const preset of presetsSeen) {
    if (!counters.some((c) => c.preset == preset)) {
      notes.push(`${catalog[preset].vendor} was seen but no request carried its id: add { preset: '${preset}', id: '${catalog[preset].idExample}' } with your own id.`);
    }
  }

  const cookies = new Map<Purpose, Set<string>>();
  const gated = new Set(counters.map((c) => c.preset));
  for (const c of [...phase.cookies, ...phase.storage.map((s) => ({ ...s, name: '' }))]) {
    if (c.purpose == 'unknown' || c.purpose == 'necessary') continue;
    purposes.add(c.purpose);
    if (!c.firstParty || !c.name || (c.preset && gated.has(c.preset))) continue;
    const entry = widgets.find((w) => w.vendor == c.vendor && (w.firstParty || []).some((p) => matches(p, c.name)));
    const pattern = entry ? entry.firstParty!.find((p) => matches(p, c.name))! : c.preset ? catalog[c.preset].cookies.find((p) => matches(p, c.name)) || c.name : c.name;
    if (!cookies.has(c.purpose)) cookies.set(c.purpose, new Set());
    cookies.get(c.purpose)!.add(pattern);
  }

  const categories: NonNullable<KelisimConfig['categories']> = {};
  for (const purpose of ORDER) {
    if (!purposes.has(purpose)) continue;
    const list = [...(cookies.get(purpose) || [])].sort();
    categories[purpose] = purpose == 'necessary' ? { required: true } : list.length ? { cookies: list } : {};
  }
  const config: KelisimConfig = {
    revision: today.toISOString().slice(0, 10),
    categories,
    ...(counters.length ? { counters } : {}),
  };
  return { config, notes };
}
