import type { Settings } from '../core/config';
import { LOADER_HOSTS } from '../presets/loaders';
import { gatedScripts } from './warnings';

/**
 * A gated copy of a vendor's snippet beside the preset that loads the same vendor: the vendor
 * would load twice. Run once the page is parsed, when warnings.ts found a vendor's host in a
 * gated script.
 */
export function warnLoadedTwice(settings: Settings, doc: Document): void {
  const gated = gatedScripts(doc);
  const twice: string[] = [];
  for (const { preset, id } of settings.counters) {
    const host = preset && LOADER_HOSTS[preset];
    const found = host && gated.filter((s) => (s.getAttribute('src') || s.getAttribute('data-src') || s.text).indexOf(host) >= 0)[0];
    if (found && twice.indexOf(preset!) < 0) {
      twice.push(preset!);
      console.warn(`Kelisim: a gated <script data-category="${found.getAttribute('data-category')}"> loads ${host.replace(/\/.*/, '')}, which the ${preset} preset (id ${id}) already loads: the vendor would load twice. Remove the script, or the counter.`);
    }
  }
}
