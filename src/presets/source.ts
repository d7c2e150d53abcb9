import type { PresetName } from '../types';
import type { Preset } from './preset';

/** Where the gate finds a preset: in the same file (the script builds) or in a chunk (npm). */
export type PresetSource = (name: PresetName) => Preset | Promise<Preset>;

let source: PresetSource | undefined;

/** Set by each build's entry; the gate itself never names a vendor, so a bundler can leave five out. */
export function usePresets(next: PresetSource): void {
  source = next;
}

export const presetFor = (name: PresetName): Preset | Promise<Preset> | undefined => source && source(name);
