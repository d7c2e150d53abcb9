import type { UIHost } from '../core/ui-host';
import type { Texts } from '../i18n/compose';

/** The policy link, only when one is configured (validated as http(s) or relative). */
export function PolicyLink({ host, t }: { host: UIHost; t: Texts }) {
  const href = host.settings.policyUrl;
  return href ? <a class="kelisim-link" href={href}>{t.policyLink}</a> : null;
}
