import { GENESIS, rowHash } from './chain';
import type { ReadView, Row, Store } from './store/types';
import { textsIntact } from './texts';

export interface BadRow {
  site: string;
  position: number;
  seq?: number;
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
 * text again, since what a record's hash stood for is proof as much as the record.
 */
export async function verifyChains(store: Store, pageSize = 2000): Promise<Verdict> {
  // One snapshot: a retention purge committed between two pages would otherwise look like rows gone missing.
  return store.snapshot(async (view) => {
    const chains = await walkChains(view, pageSize);
    const badTexts = (await view.allTexts()).filter((e) => !textsIntact(e))
      .map(({ hash, language, source, addedAt }) => ({ hash, language, source, addedAt }));
    return { ok: !chains.firstBadRow && !badTexts.length, ...chains, badTexts };
  });
}

async function walkChains(store: ReadView, pageSize: number): Promise<Omit<Verdict, 'ok' | 'badTexts'>> {
  let rows = 0;
  let walk: SiteWalk | null = null;
  const heads: ChainHead[] = [];
  const purges: PurgeNote[] = [];

  // The missing start is known only at the chain's end, yet it is the chain's first fault: nothing
  // of this chain, rows or purges, came before it.
  const unvouched = (w: SiteWalk, bad: BadRow) =>
    ({ rows: w.rowsBefore, heads, purges: purges.filter((p) => p.site != w.site), firstBadRow: bad });

  const finish = (w: SiteWalk): BadRow | null => {
    if (w.anchor) return { site: w.site, position: w.anchor.position, seq: w.anchor.seq, reason: 'rows before it are missing and no purge in the chain records their removal' };
    if (w.expected) heads.push({ site: w.site, ...w.expected });
    return null;
  };

  let after: { site: string; position: number } | null = null;
  for (;;) {
    const page = await store.chainPage(after, pageSize);
    for (const row of page) {
      if (!walk || walk.site != row.site) {
        const bad = walk && finish(walk);
        if (bad) return unvouched(walk!, bad);
        walk = { site: row.site, expected: null, anchor: null, rowsBefore: rows };
      }
      const bad = check(walk, row, purges);
      if (bad) return { rows, heads, purges, firstBadRow: { site: row.site, position: row.position, seq: row.seq, reason: bad } };
      rows++;
    }
    if (page.length < pageSize) break;
    const last = page[page.length - 1];
    after = { site: last.site, position: last.position };
  }
  const bad = walk && finish(walk);
  return bad ? unvouched(walk!, bad) : { rows, heads, purges };
}

function check(walk: SiteWalk, row: Row, purges: PurgeNote[]): string | null {
  if (!walk.expected) {
    if (row.position == 1 && row.prevHash != GENESIS) return 'the first row of the chain does not start from the genesis hash';
    if (row.position > 1) walk.anchor = row;
  } else {
    if (row.position != walk.expected.position + 1) return `row(s) missing before it: expected position ${walk.expected.position + 1}`;
    if (row.prevHash != walk.expected.hash) return 'its previous-hash does not match the row before it';
  }
  if (row.unreadable) return `its ${row.unreadable.join(' and ')} column no longer reads as a list of categories (edited after it was stored)`;
  if (rowHash(row.prevHash, row) != row.hash) return 'its content does not match its hash (edited after it was stored)';
  if (row.kind == 'purge') {
    const detail = readDetail(row);
    if (!detail) return 'its purge detail is not readable (edited after it was stored)';
    if (walk.anchor && detail.removedThrough == walk.anchor.position - 1) {
      if (detail.lastRemovedHash != walk.anchor.prevHash) return 'the purge it records does not end on the hash the remaining chain starts from';
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
