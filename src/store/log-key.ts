/**
 * Where consent records wait in localStorage. Apart from consent-log.ts so that the gate can look
 * for records left by an earlier page view without carrying the sender.
 */
export const LOG_KEY = 'kelisim-consent-log';
