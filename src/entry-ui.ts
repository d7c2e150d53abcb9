import { UI } from './core/ui-host';
import * as chunk from './ui-chunk';

// The gate waits for this script's load event, then takes the chunk from here.
(window as any)[UI] = chunk;
