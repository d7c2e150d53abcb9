import type { PresetName } from '../types';
import type { Preset } from './preset';
import { gtag } from './gtag';
import { gtm } from './gtm';
import { metaPixel } from './meta-pixel';
import { tiktokPixel } from './tiktok-pixel';
import { vkPixel } from './vk-pixel';
import { yandexMetrika } from './yandex-metrika';

/** All six at hand, as the script builds carry them. */
export const presets: Record<PresetName, Preset> = {
  'yandex-metrika': yandexMetrika,
  gtag,
  gtm,
  'vk-pixel': vkPixel,
  'meta-pixel': metaPixel,
  'tiktok-pixel': tiktokPixel,
};
