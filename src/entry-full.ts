import { start } from './script-tag';
import { en } from './i18n/en';
import { kk } from './i18n/kk';
import { shelve } from './i18n/shelf';
import { mount } from './ui/index';

// One file: every language travels inside, nothing more is fetched.
shelve('kk', kk);
shelve('en', en);
start(mount);
