import { findingsOf, idsSeen } from './findings';
import { gateCause } from './gate-start';
import { AuditError, before, choose, withdraw, type PhaseRun } from './phases';
import type { AuditOptions, AuditResult, Finding, Phase } from './types';

export { AuditError };

const ORDER: Phase['name'][] = ['before', 'reject', 'accept', 'withdraw'];

/**
 * Audits one page: before any choice, after reject all, after accept all and, with `withdraw`,
 * after withdrawing. Each phase runs in a fresh browser profile; a page without Kelisim gets the
 * first phase only, since there is no banner to click.
 */
export async function audit(url: string, options: AuditOptions): Promise<AuditResult> {
  const started = Date.now();
  let site: string;
  try {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http(s)');
    site = parsed.hostname;
  } catch {
    throw new AuditError(`Not an http(s) URL: ${url}`);
  }
  const phases: Phase[] = [];
  const banner: Finding[] = [];
  const step = async <R extends PhaseRun>(name: Phase['name'], run: () => Promise<R>, keep = false): Promise<R> => {
    options.progress?.({ phase: name, state: 'start' });
    const result = await run();
    if (!keep) await result.session.browser.close();
    phases.push(result.phase);
    phases.sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
    banner.push(...result.banner);
    options.progress?.({ phase: name, state: 'done', phaseResult: result.phase });
    return result;
  };

  const first = await step('before', () => before(url, site, options));
  let reason: string | undefined;
  if (first.notStarted) {
    reason = `Kelisim did not start on this page: ${gateCause(first.notStarted.gate!)}. `
      + 'The page carries its config or script, but there is no banner: visitors can neither give nor refuse consent, and no choice is recorded. Only the first phase ran.';
  } else if (!first.kelisim) {
    reason = 'Kelisim is not on this page: there is no banner to reject or accept, so only the first phase ran.';
  } else {
    // Two independent browsers: running them side by side halves the wait, and each still
    // starts from an empty profile.
    const [rejected, accepted] = await Promise.allSettled([
      step('reject', () => choose('reject', url, site, options)),
      step('accept', () => choose('accept', url, site, options), !!options.withdraw),
    ]);
    if (rejected.status == 'rejected' || accepted.status == 'rejected') {
      if (accepted.status == 'fulfilled' && options.withdraw) await accepted.value.session.browser.close();
      throw rejected.status == 'rejected' ? rejected.reason : (accepted as PromiseRejectedResult).reason;
    }
    if (options.withdraw) {
      try {
        await step('withdraw', () => withdraw(accepted.value.session, url, site, options));
      } finally {
        await accepted.value.session.browser.close();
      }
    }
  }

  const leaks: Finding[] = [];
  const unknowns: Finding[] = [];
  const ids = idsSeen(phases);
  for (const phase of phases) {
    leaks.push(...banner.filter((b) => b.phase == phase.name));
    if (phase.name != 'accept') leaks.push(...findingsOf(phase, 'leak', ids));
    if (phase.name == 'before' || phase.name == 'reject') unknowns.push(...findingsOf(phase, 'unknown'));
  }
  return {
    url,
    kelisim: first.kelisim,
    ...(reason ? { reason } : {}),
    phases,
    leaks,
    unknowns,
    date: new Date(started).toISOString(),
    durationMs: Date.now() - started,
  };
}
