import type { PresetContext } from './preset';
import { vendor } from './hold';

const TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage'];

function toArguments(..._: unknown[]) {
  // Google's tag reads `arguments` objects from dataLayer, not arrays.
  return arguments;
}

/** `gtag(...)` whether or not the page has a `gtag` function (GTM pages often do not). */
export const google = (ctx: PresetContext, ...args: unknown[]) =>
  (ctx.w.dataLayer = ctx.w.dataLayer || []).push(toArguments(...args));

const state = (granted: string[]) => {
  const consent: Record<string, unknown> = { security_storage: 'granted' };
  for (const type of TYPES) consent[type] = granted.indexOf(type) >= 0 ? 'granted' : 'denied';
  return consent;
};

/**
 * Consent Mode v2 defaults, once per page and before any `config`: everything denied but security,
 * then one default per configured region.
 */
export function consentDefault(ctx: PresetContext): void {
  const v = vendor(ctx, 'google');
  if (v.inited.length) return;
  v.inited.push('default');
  const { regions, waitForUpdate } = ctx.settings.consentMode;
  google(ctx, 'consent', 'default', { ...state([]), wait_for_update: waitForUpdate });
  for (const r of regions) google(ctx, 'consent', 'default', { ...state(r.granted || []), region: r.region });
}

/**
 * After a choice and early on every page that has one (Google does not remember it): an update
 * mapped from the allowed categories, and a `kelisim_consent` event for GTM triggers.
 */
export function consentUpdate(ctx: PresetContext, allowed: string[]): void {
  const v = vendor(ctx, 'google');
  const map = ctx.settings.consentMode.map;
  const key = allowed.join();
  if (v.inited[1] === key) return;
  v.inited[1] = key;
  google(ctx, 'consent', 'update', state(allowed.reduce<string[]>((all, c) => all.concat(map[c] || []), [])));
  ctx.w.dataLayer.push({ event: 'kelisim_consent', categories: allowed.slice() });
}
