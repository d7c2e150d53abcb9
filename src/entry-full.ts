import { start } from './script-tag';
import { EXPLAIN } from './core/explain-slot';
import { explain } from './core/messages';
import { en } from './i18n/en';
import { kk } from './i18n/kk';
import { shelve } from './i18n/shelf';
import { mount } from './ui/index';

// One file: every language and message travels inside, nothing more is fetched.
shelve('kk', kk);
shelve('en', en);
(window as any)[EXPLAIN] = explain;
start(mount);
