import type {
  CategoryTexts,
  ConsentModeRegion,
  GoogleConsentType,
  PresetName,
  UITexts,
} from '../types';

/** A category as the gate reads it: what a returning visit needs. */
export interface GateCategory {
  name: string;
  required: boolean;
  cookies: string[];
}

/** A config after validation: every field present, every value safe to use. */
export interface Category extends GateCategory {
  texts: Record<string, CategoryTexts>;
}

export interface Counter {
  category: string;
  preset?: PresetName;
  src?: string;
  load?: () => unknown;
  id?: string;
  options: Record<string, unknown>;
}

/**
 * What the gate reads and checks on every page view: enough to evaluate the consent cookie, start
 * what is allowed, and record a choice. The rest of the config is read by the UI chunk.
 */
export interface GateSettings {
  revision: string;
  categories: GateCategory[];
  counters: Counter[];
  cookie: {
    name: string;
    domain?: string;
    path: string;
    expiresDays: number;
    sameSite: 'Lax' | 'Strict' | 'None';
  };
  reloadOnWithdraw: boolean;
  consentLog?: { url: string };
  consentMode: {
    mode: 'basic' | 'advanced';
    regions: ConsentModeRegion[];
    map: Record<string, GoogleConsentType[]>;
    waitForUpdate: number;
  };
  gpc: boolean;
  nonce?: string;
  stubs: string[];
  /** Where the script-tag gate fetches `kelisim-ui.js` from, when not beside its own `src`. */
  uiUrl?: string;
  /** The config threw as it was read, and the defaults stand in for all of it (told once). */
  unreadable?: boolean;
}

/** The whole config, once the UI chunk has read what only the banner and the dialog use. */
export interface Settings extends GateSettings {
  categories: Category[];
  language: string;
  policyUrl: string;
  operator?: { name: string; id?: string };
  texts: Record<string, Partial<UITexts>>;
  layout: 'bar' | 'box' | 'modal';
  theme: 'auto' | 'light' | 'dark';
  css: boolean;
}
