import { start } from './script-tag';
import { EXPLAIN, LOG } from './core/companions';
import { createConsentLog } from './store/consent-log';
import { explain } from './core/messages';
import { en } from './i18n/en';
import { kk } from './i18n/kk';
import { shelve } from './i18n/shelf';
import * as chunk from './ui-chunk';
import { presets } from './presets';
import { usePresets } from './presets/source';

// One file: every language, message and the log's sender travel inside, nothing more is fetched.
shelve('kk', kk);
shelve('en', en);
(window as any)[EXPLAIN] = explain;
(window as any)[LOG] = createConsentLog;
usePresets(presets);
start(chunk);
