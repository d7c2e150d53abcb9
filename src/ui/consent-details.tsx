import type { ConsentRecord } from '../types';
import type { Settings } from '../core/config';
import type { Texts } from '../i18n/compose';

interface Props {
  consent: ConsentRecord;
  settings: Settings;
  language: string;
  t: Texts;
  copied: boolean;
  copy(): void;
  operatorLine(operator: { name: string; id?: string }, t: Texts): string;
}

const formatDate = (iso: string, language: string) => {
  const date = new Date(iso);
  try {
    const parts = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric' }).formatToParts(date);
    // Chromium's ICU data has no Kazakh month names and writes "2026 M03 5", which neither eye nor
    // screen reader takes for a date: then figures, as Kazakhstan (and Russia) write dates.
    if (!parts.some((p) => p.type == 'month' && /\d/.test(p.value))) return parts.map((p) => p.value).join('');
  } catch {
    // A language tag Intl refuses: figures too.
  }
  return new Intl.DateTimeFormat('ru', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
};

/**
 * What Law 94-V Art. 8 asks a consent to name, and what a visitor needs to cite it: the operator,
 * the consent id, when it was given and until when it holds.
 */
export function ConsentDetails({ consent, settings, language, t, copied, copy, operatorLine }: Props) {
  const operator = settings.operator;
  return (
    <dl class="kelisim-details">
      {operator ? <dt>{t.operator}</dt> : null}
      {operator ? <dd>{operatorLine(operator, t)}</dd> : null}
      <dt>{t.consentId}</dt>
      <dd>
        <code class="kelisim-id">{consent.id}</code>{' '}
        <button type="button" class="kelisim-small" onClick={copy}>{t.copy}</button>
        <span class="kelisim-status" role="status">{copied ? t.copied : ''}</span>
      </dd>
      <dt>{t.consentDate}</dt>
      <dd>{formatDate(consent.updatedAt, language)}</dd>
      <dt>{t.consentExpires}</dt>
      <dd>{formatDate(consent.expiresAt, language)}</dd>
    </dl>
  );
}
