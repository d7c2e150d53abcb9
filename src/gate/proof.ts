import type { GateSettings } from '../core/config';
import type { Choice } from '../core/consent';
import { LOG } from '../core/companions';
import type { LogRecord } from '../core/record';
import type { createConsentLog } from '../store/consent-log';
import { LOG_KEY } from '../store/log-key';

type Sender = ReturnType<typeof createConsentLog>;
export type Proof = (action: LogRecord['action'], choice: Choice) => void;

/**
 * Records for `consentLog.url`. The sender (`kelisim-log.js`) comes only for a page view with a
 * record to send: a choice made here, or one an earlier page view left queued. Records made
 * meanwhile wait for it in its queue in localStorage, so that a tab closed before it arrives loses
 * none; in memory if storage is blocked. Sending never blocks the page.
 */
export function createProof(
  w: Window & Record<symbol, any>,
  settings: GateSettings,
  loadLog: ((uiUrl?: string) => Promise<void>) | undefined,
  report: (message: string, error?: unknown) => void,
) {
  const url = settings.consentLog!.url;
  const waiting: LogRecord[] = [];
  let sender: Sender | undefined;
  let coming: Promise<void> | undefined;
  let stopped = false;
  let soon: ReturnType<typeof setTimeout> | undefined;

  const start = () => {
    if (sender || stopped) return;
    sender = w[LOG](url, w, report) as Sender;
    for (const record of waiting.splice(0)) sender.add(record);
  };
  const ready = (): Promise<void> => w[LOG] ? Promise.resolve(start()) : coming || (coming = (loadLog
    ? loadLog(settings.uiUrl) : Promise.reject(new Error('no way to load kelisim-log.js'))).then(start, (error) => {
    coming = undefined;
    report('Kelisim: kelisim-log.js could not be loaded; the consent records stay queued for a later try.', error);
  }));
  // Where the sender came with the gate, it starts at once, as it always did.
  if (w[LOG]) start();

  // Records left by an earlier page view go after load: reading them is a localStorage round
  // trip that must not delay the banner or the counters.
  const resend = () => {
    if (sender) return sender.resume();
    let left: string | null = null;
    try {
      left = w.localStorage.getItem(LOG_KEY);
    } catch {
      // Blocked storage kept nothing from an earlier page view.
    }
    if (left && left != '[]') ready().then(() => sender && sender.resume());
  };
  if (w.document.readyState == 'complete') soon = setTimeout(resend);
  else w.addEventListener('load', resend, { once: true });

  const prove: Proof = (action, choice) => {
    const record: LogRecord = {
      id: choice.id,
      timestamp: new Date().toISOString(),
      action,
      granted: settings.categories.filter((c) => c.required).map((c) => c.name).concat(action == 'reset' ? [] : choice.granted),
      denied: action == 'reset' ? choice.granted.concat(choice.denied) : choice.denied,
      revision: settings.revision,
      language: choice.language,
      textHash: choice.textHash,
      // As the browser encodes it (ASCII, no query), cut to the 512 characters the proof store
      // takes: a long Cyrillic address is six characters a letter, and a longer one would be refused.
      path: w.location.pathname.slice(0, 512),
    };
    if (sender) return sender.add(record);
    try {
      w.localStorage.setItem(LOG_KEY, JSON.stringify(JSON.parse(w.localStorage.getItem(LOG_KEY) || '[]').concat(record)));
    } catch {
      waiting.push(record);
    }
    ready().then(() => sender && sender.flush());
  };

  return {
    prove,
    stop() {
      stopped = true;
      clearTimeout(soon);
      w.removeEventListener('load', resend);
      if (sender) sender.stop();
    },
  };
}
