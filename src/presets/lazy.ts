import type { PresetName } from '../types';
import type { Preset } from './preset';
import { vendor } from './hold';
import { QUEUES } from './queues';

const CHUNKS: Record<PresetName, () => Promise<Preset>> = {
  'yandex-metrika': () => import('./yandex-metrika').then((m) => m.yandexMetrika),
  gtag: () => import('./gtag').then((m) => m.gtag),
  gtm: () => import('./gtm').then((m) => m.gtm),
  'vk-pixel': () => import('./vk-pixel').then((m) => m.vkPixel),
  'meta-pixel': () => import('./meta-pixel').then((m) => m.metaPixel),
  'tiktok-pixel': () => import('./tiktok-pixel').then((m) => m.tiktokPixel),
};

/**
 * A preset whose code is a chunk of its own, fetched the first time a counter names it. Its queue
 * stub and cookie patterns are at hand at once; every other step waits for the chunk, in order.
 */
export function fetchedPreset(name: PresetName, load: () => Promise<Preset>): Preset {
  let chunk: Promise<Preset | void> | undefined;
  const later = (step: (preset: Preset) => void) => {
    chunk = chunk || load().catch((error) => console.error(`Kelisim: the ${name} preset failed to load`, error));
    chunk.then((preset) => preset && step(preset)).catch((error) => console.error(`Kelisim: the ${name} preset failed`, error));
  };
  return {
    cookies: QUEUES[name].cookies,
    types: QUEUES[name].types,
    stub(ctx) {
      QUEUES[name].stub(ctx.w, vendor(ctx.w, name));
      later((preset) => preset.stub(ctx));
    },
    grant: (ctx, more) => later((preset) => preset.grant(ctx, more)),
    deny: (ctx, withdrawn, shared) => later((preset) => preset.deny(ctx, withdrawn, shared)),
    sync: (ctx, allowed) => later((preset) => preset.sync && preset.sync(ctx, allowed)),
  };
}

/**
 * The npm build's presets: a site bundles the queue stubs of all six, and fetches the code of the
 * ones its counters name only.
 */
export const lazyPresets = {} as Record<PresetName, Preset>;
for (const name of Object.keys(CHUNKS) as PresetName[]) lazyPresets[name] = fetchedPreset(name, CHUNKS[name]);
