import { start } from './script-tag';
import * as kit from './kit';

// For kelisim-ui.js, which takes these from the gate rather than carrying them again (kit.ts).
(window as any)[Symbol.for('kelisim.kit')] = kit;
start();
