import { PREFS } from './ui/prefs-api';
import { prefs } from './ui/prefs';

// kelisim-prefs.js: fetched by kelisim-ui.js when the visitor reaches for the settings, when the
// page opens them, or when a gated iframe needs its placeholder.
(window as any)[PREFS] = prefs;
