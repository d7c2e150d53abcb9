import type { Verdict } from './verify';
import type { RecordView } from './view';
import type { Words } from './words';

/** What `verify` prints for people: the verdict, each chain's head, each purge, each altered text. */
export function verifyReport(verdict: Verdict, w: Words): string[] {
  const b = verdict.firstBadRow;
  return [
    ...(b ? [w.broken(b, b.reason, verdict.rows)] : [w.verified(verdict.rows), ...verdict.heads.map(w.head)]),
    ...verdict.purges.map(w.purge),
    ...verdict.badTexts.map(w.textsAltered),
  ];
}

/** What `find` prints for people: two lines a record, oldest first. */
export function findReport(id: string, records: RecordView[], w: Words): string[] {
  if (!records.length) return [w.noRecord(id)];
  const list = (names: string[] | null) => (names ? names.join(' ') || '-' : w.unreadable);
  return records.flatMap((r) => [
    w.choice(r.receivedAt, r.action, list(r.granted), list(r.denied)),
    w.shown(`${r.site}${r.path}`, r.language, r.revision,
      `${r.textsAltered ? w.altered : r.textsUnknown ? w.unknown : r.texts!.source} (${r.textHash})`),
  ]);
}
