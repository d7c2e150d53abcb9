import type { PresetName } from '../types';

/**
 * The host each preset loads its vendor's script from: a gated copy of the vendor's own snippet
 * would load it a second time. Kept apart from the catalog so the UI chunk can use it alone.
 */
export const LOADER_HOSTS: Record<PresetName, string> = {
  'yandex-metrika': 'mc.yandex.ru',
  gtag: 'www.googletagmanager.com/gtag/',
  gtm: 'www.googletagmanager.com/gtm.',
  'vk-pixel': 'top-fwz1.mail.ru',
  'meta-pixel': 'connect.facebook.net',
  'tiktok-pixel': 'analytics.tiktok.com',
};
