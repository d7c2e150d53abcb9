import { en } from '../../../src/i18n/en';
import { kk } from '../../../src/i18n/kk';
import { shelve } from '../../../src/i18n/shelf';
import { EXPLAIN } from '../../../src/core/explain-slot';
import { explain } from '../../../src/core/messages';

shelve('kk', kk);
shelve('en', en);
// The words of config mistakes too, as the one-file build carries them.
(window as any)[EXPLAIN] = explain;
