import { kk } from './i18n/kk';
import { shelve } from './i18n/shelf';

// kelisim-kk.js: fetched by the gate when the banner shows in this language or the switch reaches for it.
shelve('kk', kk);
