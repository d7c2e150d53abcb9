import type { ComponentChildren } from 'preact';
import type { UIHost } from '../core/ui-host';
import type { Texts } from '../i18n';
import { PolicyLink } from './policy-link';

interface Props {
  host: UIHost;
  t: Texts;
  languages: ComponentChildren;
  act(action: 'accept-all' | 'reject-all' | 'preferences' | 'close'): void;
}

/**
 * A labelled, non-modal region (a modal dialog only in the `modal` layout). Accept, reject and
 * settings are the same element with the same style: no option is nudged.
 */
export function Banner({ host, t, languages, act }: Props) {
  const modal = host.settings.layout == 'modal';
  const blocked = host.cookiesBlocked() && !!host.consent();
  const asking = host.consent() && host.unanswered().length;
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
        {t.bannerText} <PolicyLink host={host} t={t} />
      </p>
      {asking ? <p class="kelisim-text"><strong>{t.bannerNewCategories}</strong></p> : null}
      {blocked ? (
        <div class="kelisim-actions">
          <p class="kelisim-note" role="status">{t.cookiesBlocked}</p>
          <button type="button" class="kelisim-button" data-kelisim-action="close" onClick={() => act('close')}>{t.close}</button>
        </div>
      ) : (
        <div class="kelisim-actions">
          <button type="button" class="kelisim-button" data-kelisim-action="accept-all" onClick={() => act('accept-all')}>{t.acceptAll}</button>
          <button type="button" class="kelisim-button" data-kelisim-action="reject-all" onClick={() => act('reject-all')}>{t.rejectAll}</button>
          <button type="button" class="kelisim-button" data-kelisim-action="preferences" onClick={() => act('preferences')}>{t.settings}</button>
        </div>
      )}
    </section>
  );
}
