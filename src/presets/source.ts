import type { PresetName } from '../types';
import type { Preset } from './preset';

type Presets = Record<PresetName, Preset>;

let inUse: Presets;

/**
 * Each build's entry names its presets: all six in the file (the script builds) or each fetched as
 * a chunk when used (npm). The gate itself never names a vendor, so a bundler can leave five out.
 */
export function usePresets(presets: Presets): void {
  inUse = presets;
}

export const presetsInUse = (): Presets => inUse;
