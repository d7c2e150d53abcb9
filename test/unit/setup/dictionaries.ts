import { en } from '../../../src/i18n/en';
import { kk } from '../../../src/i18n/kk';
import { shelve } from '../../../src/i18n/shelf';

shelve('kk', kk);
shelve('en', en);
