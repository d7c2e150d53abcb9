import type {
  CategoryTexts,
  ConsentModeRegion,
  GoogleConsentType,
  PresetName,
  UITexts,
} from '../types';

/** A config after validation: every field present, every value safe to use. */
export interface Category {
  name: string;
  required: boolean;
  cookies: string[];
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

export interface Settings {
  language: string;
  policyUrl: string;
  revision: string;
  categories: Category[];
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
  operator?: { name: string; id?: string };
  texts: Record<string, Partial<UITexts>>;
  consentMode: {
    mode: 'basic' | 'advanced';
    regions: ConsentModeRegion[];
    map: Record<string, GoogleConsentType[]>;
    waitForUpdate: number;
  };
  gpc: boolean;
  layout: 'bar' | 'box' | 'modal';
  theme: 'auto' | 'light' | 'dark';
  css: boolean;
  nonce?: string;
  stubs: string[];
  /** Where the script-tag gate fetches `kelisim-ui.js` from, when not beside its own `src`. */
  uiUrl?: string;
}
