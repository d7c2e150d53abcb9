import type { Incoming, Outcome, Store } from './store/types';

interface Waiting {
  item: Incoming;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: records that arrive while a commit is under way wait, and the next commit takes
 * them all in one transaction. Each request is answered only after the commit holding its record.
 * One chain per site makes writers queue anyway; one fsync per batch instead of per record is
 * what lets a single chain keep up with many visitors. With `lanes` > 1 (PostgreSQL) the next
 * batch opens its transaction and waits on the site's lock while the previous one commits, so
 * the round trips of one overlap the fsync of the other.
 */
export function createBatcher(store: Store, { maxBatch = 1000, lanes = 1 } = {}) {
  let queue: Waiting[] = [];
  const running = new Set<Promise<void>>();

  async function drain() {
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const outcomes = await store.append(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(outcomes[i]));
      } catch (error) {
        if (batch.length == 1) batch[0].reject(error);
        // The whole batch rolled back. One record the database refuses must not cost the visitors
        // who sent the others their answer, so each is tried again alone, in the order received.
        else for (const w of batch) await store.append([w.item]).then(([outcome]) => w.resolve(outcome), w.reject);
      }
    }
  }

  return {
    submit(item: Incoming): Promise<Outcome> {
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running.size >= lanes) return;
        // setImmediate lets every request already read from the sockets join this batch.
        const lane: Promise<void> = new Promise<void>((done) => setImmediate(() => drain().then(done)))
          .then(() => void running.delete(lane));
        running.add(lane);
      });
    },
    /** Resolves once every submitted record is committed or refused. */
    async settle() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
