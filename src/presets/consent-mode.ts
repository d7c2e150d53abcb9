import type { PresetContext } from './preset';
import { vendor } from './hold';

const TYPES = 'ad_storage ad_user_data ad_personalization analytics_storage functionality_storage personalization_storage'.split(' ');

function toArguments(..._: unknown[]) {
  // Google's tag reads `arguments` objects from dataLayer, not arrays.
  return arguments;
}

/** `gtag(...)` whether or not the page has a `gtag` function (GTM pages often do not). */
export const google = (w: PresetContext['w'], ...args: unknown[]) =>
  (w.dataLayer = w.dataLayer || []).push(toArguments(...args));

const state = (granted: string[]) => {
  const consent: Record<string, unknown> = { security_storage: 'granted' };
  for (const type of TYPES) consent[type] = granted.indexOf(type) < 0 ? 'denied' : 'granted';
  return consent;
};

/**
 * Consent Mode v2 defaults, once per page and before any `config`: everything denied but security,
 * then one default per configured region. True in advanced mode, where the tag starts at once.
 */
export function consentDefault({ w, settings }: PresetContext): boolean {
  const { mode, regions, waitForUpdate } = settings.consentMode;
  const v = vendor(w, 'google');
  if (!v.inited[0]) {
    v.inited[0] = 'default';
    google(w, 'consent', 'default', { ...state([]), wait_for_update: waitForUpdate });
    for (const r of regions) google(w, 'consent', 'default', { ...state(r.granted || []), region: r.region });
  }
  return mode == 'advanced';
}

/**
 * After a choice and early on every page that has one (Google does not remember it): an update
 * mapped from the allowed categories, and a `kelisim_consent` event for GTM triggers.
 */
export function consentUpdate({ w, settings }: PresetContext, allowed: string[]): void {
  const v = vendor(w, 'google');
  const key = allowed.join();
  if (v.inited[1] === key) return;
  v.inited[1] = key;
  google(w, 'consent', 'update', state(allowed.reduce<string[]>((all, c) => all.concat(settings.consentMode.map[c] || []), [])));
  w.dataLayer.push({ event: 'kelisim_consent', categories: allowed.slice() });
}
