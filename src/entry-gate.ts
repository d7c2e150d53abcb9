import { start } from './script-tag';
import * as kit from './kit';
import { presets } from './presets';
import { usePresets } from './presets/source';

// For kelisim-ui.js, which takes these from the gate rather than carrying them again (kit.ts).
(window as any)[Symbol.for('kelisim.kit')] = kit;
// The script tag carries all six presets: a page names them in its config, nothing to import.
usePresets(presets);
start();
