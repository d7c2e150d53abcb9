import { EXPLAIN } from './core/companions';
import { explain } from './core/messages';

// kelisim-messages.js: fetched by the gate only when the config has a mistake to explain.
(window as any)[EXPLAIN] = explain;
