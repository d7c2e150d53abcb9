import type { ComponentChildren } from 'preact';
import type { UIHost } from '../core/ui-host';
import type { Texts } from '../i18n/compose';
import { fill } from './fill';
import { operatorLine } from './operator';
import { PolicyLink } from './policy-link';

interface Props {
  host: UIHost;
  t: Texts;
  languages: ComponentChildren;
  act(action: 'accept-all' | 'reject-all' | 'preferences' | 'close'): void;
}

/**
 * A labelled, non-modal region (a modal dialog only in the `modal` layout). The first layer is
 * short enough for a phone: what the cookies are for, who asks, and accept and reject side by side
 * in the same style, so neither is nudged; settings is a smaller button in the text.
 */
export function Banner({ host, t, languages, act }: Props) {
  const { settings } = host;
  const modal = settings.layout == 'modal';
  const consent = host.consent();
  const blocked = host.cookiesBlocked() && !!consent;
  const optional = settings.categories.filter((c) => !c.required).map((c) => c.name);
  const unanswered = host.unanswered();
  // "New categories since your last visit" only after a full choice: a placeholder's button answers
  // one category, by allowing it, so an earlier refusal or two answers mean the visitor chose once.
  const answered = optional.filter((n) => unanswered.indexOf(n) < 0);
  const asking = consent && unanswered.length && (consent.denied.length || answered.length > 1);
  const operator = settings.operator;
  return (
    <section
      class="kelisim-banner"
      data-kelisim-banner=""
      role={modal ? 'dialog' : 'region'}
      aria-modal={modal ? 'true' : undefined}
      aria-labelledby={modal ? 'kelisim-banner-title' : undefined}
      aria-label={modal ? undefined : t.bannerLabel}
      tabIndex={-1}
    >
      <div class="kelisim-head">
        <h2 class="kelisim-title" id="kelisim-banner-title">{t.bannerTitle}</h2>
        {languages}
      </div>
      <p class="kelisim-text">
        {t.bannerText}
        {optional.length ? ' ' + fill(t.bannerPurposes, { purposes: optional.map(t.purpose).join(', ') }) : ''}
        {' '}<PolicyLink host={host} t={t} />
        {blocked ? null : (
          <button type="button" class="kelisim-inline" data-kelisim-action="preferences" onClick={() => act('preferences')}>{t.settings}</button>
        )}
      </p>
      {operator ? <p class="kelisim-operator">{t.operator}: {operatorLine(operator, t)}</p> : null}
      {asking ? <p class="kelisim-text"><strong>{t.bannerNewCategories}</strong></p> : null}
      {blocked ? (
        <div class="kelisim-actions">
          <p class="kelisim-note" role="status">{t.cookiesBlocked}</p>
          <button type="button" class="kelisim-button" data-kelisim-action="close" onClick={() => act('close')}>{t.close}</button>
        </div>
      ) : (
        <div class="kelisim-actions kelisim-choices">
          <button type="button" class="kelisim-button" data-kelisim-action="accept-all" onClick={() => act('accept-all')}>{t.acceptAll}</button>
          <button type="button" class="kelisim-button" data-kelisim-action="reject-all" onClick={() => act('reject-all')}>{t.rejectAll}</button>
        </div>
      )}
    </section>
  );
}
