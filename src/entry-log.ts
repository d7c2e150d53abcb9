import { LOG } from './core/companions';
import { createConsentLog } from './store/consent-log';

// kelisim-log.js: fetched by the gate when a consent record is to be sent to `consentLog.url`.
(window as any)[LOG] = createConsentLog;
