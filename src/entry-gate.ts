import { start } from './script-tag';
import { presets } from './presets';
import { usePresets } from './presets/source';

// The script tag carries all six presets: a page names them in its config, nothing to import.
usePresets(presets);
start();
