import type { Settings } from '../core/config';
import { missingIn, type Dictionaries } from '../i18n/compose';
import { LOADER_HOSTS } from '../presets/loaders';

/**
 * Mistakes a site owner sees in the console on a visit that shows the banner, which is how a page
 * is tried out. kelisim-prefs.js carries them (it follows every banner), so that neither returning
 * visitors nor the banner's own file pay for them.
 */
export function warnAboutConfig(settings: Settings, doc: Document, dictionaries: Dictionaries): void {
  const missing = missingIn(dictionaries, settings);
  if (missing.length) console.warn(`Kelisim: no translation given for ${missing.join(', ')}; shown in another language.`);
  const check = () => {
    const gated = Array.prototype.slice.call(doc.querySelectorAll('script[type="text/plain"][data-category]')) as HTMLScriptElement[];
    const twice: string[] = [];
    for (const { preset, id } of settings.counters) {
      const host = preset && LOADER_HOSTS[preset];
      const found = host && gated.filter((s) => (s.getAttribute('src') || s.getAttribute('data-src') || s.text).indexOf(host) >= 0)[0];
      if (found && twice.indexOf(preset!) < 0) {
        twice.push(preset!);
        console.warn(`Kelisim: a gated <script data-category="${found.getAttribute('data-category')}"> loads ${host.replace(/\/.*/, '')}, which the ${preset} preset (id ${id}) already loads: the vendor would load twice. Remove the script, or the counter.`);
      }
    }
  };
  if (doc.readyState == 'loading') doc.addEventListener('DOMContentLoaded', check, { once: true });
  else check();
}
