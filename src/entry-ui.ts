import { UI } from './core/ui-host';
import { mount } from './ui/index';

// The gate waits for this script's load event, then takes `mount` from here.
(window as any)[UI] = { mount };
