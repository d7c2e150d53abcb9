import { start } from './script-tag';
import { mount } from './ui/index';

start(mount);
