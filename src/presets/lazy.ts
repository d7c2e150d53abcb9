import type { PresetName } from '../types';
import type { Preset } from './preset';

/**
 * The npm build's presets: each in a chunk of its own, fetched when a configured counter names it,
 * so that a site bundles and fetches only the vendors it uses. Their queue stubs (queues.ts) exist
 * before, from init.
 */
const CHUNKS: Record<PresetName, () => Promise<Preset>> = {
  'yandex-metrika': () => import('./yandex-metrika').then((m) => m.yandexMetrika),
  gtag: () => import('./gtag').then((m) => m.gtag),
  gtm: () => import('./gtm').then((m) => m.gtm),
  'vk-pixel': () => import('./vk-pixel').then((m) => m.vkPixel),
  'meta-pixel': () => import('./meta-pixel').then((m) => m.metaPixel),
  'tiktok-pixel': () => import('./tiktok-pixel').then((m) => m.tiktokPixel),
};

const fetched: Partial<Record<PresetName, Promise<Preset>>> = {};

export const importPreset = (name: PresetName): Promise<Preset> => (fetched[name] = fetched[name] || CHUNKS[name]());
