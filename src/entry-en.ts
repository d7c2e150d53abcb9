import { en } from './i18n/en';
import { shelve } from './i18n/shelf';

// kelisim-en.js: fetched by the gate when the banner shows in this language or the switch reaches for it.
shelve('en', en);
