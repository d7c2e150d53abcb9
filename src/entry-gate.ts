import { start } from './script-tag';

start();
