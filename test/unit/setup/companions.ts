import { en } from '../../../src/i18n/en';
import { kk } from '../../../src/i18n/kk';
import { shelve } from '../../../src/i18n/shelf';
import { EXPLAIN, LOG } from '../../../src/core/companions';
import { createConsentLog } from '../../../src/store/consent-log';
import { explain } from '../../../src/core/messages';
import { presets } from '../../../src/presets';
import { usePresets } from '../../../src/presets/source';

shelve('kk', kk);
shelve('en', en);
// The words of config mistakes and the consent log's sender too, as the one-file build carries them.
(window as any)[EXPLAIN] = explain;
(window as any)[LOG] = createConsentLog;
// Every preset at hand, as the script builds register them.
usePresets(presets);
