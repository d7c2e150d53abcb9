import { GENESIS, rowHash } from './chain';
import type { Lang } from './headings';
import type { ReadView, Row, Store } from './store/types';
import { textsIntact } from './texts';
import { WORDS } from './words';

export type FaultCode = 'genesis' | 'missing' | 'prev-hash' | 'unreadable' | 'edited' | 'purge-unreadable' | 'purge-mismatch' | 'unvouched';

/** Why a row does not fit: a code for machines, and what the reason names. */
export interface Fault {
  code: FaultCode;
  /** missing: the position the chain expected here. */
  expected?: number;
  /** unreadable: the columns that no longer read back. */
  columns?: string[];
}

export interface BadRow extends Fault {
  site: string;
  position: number;
  seq?: number;
  /** The fault told in the language asked for. */
  reason: string;
}

/** Registered texts whose words no longer hash to the hash they are registered under. */
export interface BadTexts {
  hash: string;
  language: string;
  source: string;
  addedAt: string;
}

export interface ChainHead {
  site: string;
  position: number;
  hash: string;
}

/** A retention purge as its marker row records it: when it ran and what it removed. */
export interface PurgeNote {
  site: string;
  /** The marker's own position in the chain. */
  position: number;
  /** When the purge ran (the marker's received time). */
  at: string;
  removed: number;
  removedThrough: number;
  receivedBefore: string;
}

export interface Verdict {
  /** Every chain fits and every registered text still matches its hash. */
  ok: boolean;
  /** Rows that fit, in walk order, before the first that does not. */
  rows: number;
  /** The last row of each chain walked to its end. */
  heads: ChainHead[];
  firstBadRow?: BadRow;
  badTexts: BadTexts[];
  /** Every retention purge met on the walk, in chain order. */
  purges: PurgeNote[];
}

interface SiteWalk {
  site: string;
  expected: { position: number; hash: string } | null;
  /** The first remaining row of a purged chain: a purge marker further on must vouch for its prevHash. */
  anchor: Row | null;
  /** Rows that fit before this chain's first, so that a chain found unvouched at its end counts none of its own. */
  rowsBefore: number;
}

/**
 * Walks every site's chain in position order and names the first row that does not fit: an
 * edited row, a missing one, or a chain that starts after position 1 with no purge recording why.
 * Keyset pages keep memory flat whatever the size of the store. Then hashes every registered
 * text again, since what a record's hash stood for is proof as much as the record. Reasons are
 * told in `lang`.
 */
export async function verifyChains(store: Store, pageSize = 2000, lang: Lang = 'en'): Promise<Verdict> {
  // One snapshot: a retention purge committed between two pages would otherwise look like rows gone missing.
  return store.snapshot(async (view) => {
    const chains = await walkChains(view, pageSize, lang);
    const badTexts = (await view.allTexts()).filter((e) => !textsIntact(e))
      .map(({ hash, language, source, addedAt }) => ({ hash, language, source, addedAt }));
    return { ok: !chains.firstBadRow && !badTexts.length, ...chains, badTexts };
  });
}

async function walkChains(store: ReadView, pageSize: number, lang: Lang): Promise<Omit<Verdict, 'ok' | 'badTexts'>> {
  const bad = (at: { site: string; position: number; seq?: number }, fault: Fault): BadRow =>
    ({ site: at.site, position: at.position, seq: at.seq, ...fault, reason: WORDS[lang].reasons[fault.code](fault) });
  let rows = 0;
  let walk: SiteWalk | null = null;
  const heads: ChainHead[] = [];
  const purges: PurgeNote[] = [];

  // The missing start is known only at the chain's end, yet it is the chain's first fault: nothing
  // of this chain, rows or purges, came before it.
  const unvouched = (w: SiteWalk, bad: BadRow) =>
    ({ rows: w.rowsBefore, heads, purges: purges.filter((p) => p.site != w.site), firstBadRow: bad });

  const finish = (w: SiteWalk): BadRow | null => {
    if (w.anchor) return bad(w.anchor, { code: 'unvouched' });
    if (w.expected) heads.push({ site: w.site, ...w.expected });
    return null;
  };

  let after: { site: string; position: number } | null = null;
  for (;;) {
    const page = await store.chainPage(after, pageSize);
    for (const row of page) {
      if (!walk || walk.site != row.site) {
        const unfit = walk && finish(walk);
        if (unfit) return unvouched(walk!, unfit);
        walk = { site: row.site, expected: null, anchor: null, rowsBefore: rows };
      }
      const fault = check(walk, row, purges);
      if (fault) return { rows, heads, purges, firstBadRow: bad(row, fault) };
      rows++;
    }
    if (page.length < pageSize) break;
    const last = page[page.length - 1];
    after = { site: last.site, position: last.position };
  }
  const unfit = walk && finish(walk);
  return unfit ? unvouched(walk!, unfit) : { rows, heads, purges };
}

function check(walk: SiteWalk, row: Row, purges: PurgeNote[]): Fault | null {
  if (!walk.expected) {
    if (row.position == 1 && row.prevHash != GENESIS) return { code: 'genesis' };
    if (row.position > 1) walk.anchor = row;
  } else {
    if (row.position != walk.expected.position + 1) return { code: 'missing', expected: walk.expected.position + 1 };
    if (row.prevHash != walk.expected.hash) return { code: 'prev-hash' };
  }
  if (row.unreadable) return { code: 'unreadable', columns: row.unreadable };
  if (rowHash(row.prevHash, row) != row.hash) return { code: 'edited' };
  if (row.kind == 'purge') {
    const detail = readDetail(row);
    if (!detail) return { code: 'purge-unreadable' };
    if (walk.anchor && detail.removedThrough == walk.anchor.position - 1) {
      if (detail.lastRemovedHash != walk.anchor.prevHash) return { code: 'purge-mismatch' };
      walk.anchor = null;
    }
    const { removed, removedThrough, receivedBefore } = detail;
    purges.push({ site: row.site, position: row.position, at: row.receivedAt, removed, removedThrough, receivedBefore });
  }
  walk.expected = { position: row.position, hash: row.hash };
  return null;
}

/** A purge marker's detail; null when it no longer parses (the hash over it may have been rewritten too). */
function readDetail(row: Row): { removed: number; removedThrough: number; lastRemovedHash: string; receivedBefore: string } | null {
  try {
    const detail = JSON.parse(row.detail || '');
    return detail && typeof detail == 'object' ? detail : null;
  } catch {
    return null;
  }
}
