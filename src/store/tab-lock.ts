const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task` in one tab of the site at a time. A Web Lock where there is one; `navigator.locks`
 * exists only in secure contexts, so a plain-http site gets a lease in localStorage instead: the
 * owner and an expiry, renewed by `renew()`, so a tab closed mid-task frees it after `leaseMs`.
 * Storage writes from two tabs can cross, so a tab takes the lease only when it still reads as its
 * own a moment after writing it.
 */
export async function oneTabAtATime<T>(w: Window, key: string, leaseMs: number, task: (renew: () => void) => Promise<T>): Promise<T> {
  const locks = (w.navigator as Navigator & { locks?: LockManager }).locks;
  if (locks) return locks.request(key, () => task(() => {}));
  let storage: Storage;
  try {
    storage = w.localStorage;
    storage.getItem(key);
  } catch {
    // No storage, so no other tab shares the queue either.
    return task(() => {});
  }
  const me = Math.random().toString(36).slice(2);
  // A lease ending further ahead than one term was written before the clock went back: void.
  const holder = () => {
    const [owner, until] = (storage.getItem(key) || '').split(' ');
    const left = +until - Date.now();
    return left > 0 && left <= leaseMs ? owner : '';
  };
  const renew = () => {
    try {
      storage.setItem(key, me + ' ' + (Date.now() + leaseMs));
    } catch {
      // A full storage cannot record the lease; the task goes ahead as if it held it.
    }
  };
  const free = () => {
    if (holder() == me) storage.removeItem(key);
  };
  // A page left mid-task (a reload, a link followed right after a choice) would hold the lease for
  // the rest of its term, and the next page view would wait that long to send the queue.
  w.addEventListener('pagehide', free);
  try {
    for (;;) {
      if (!holder()) {
        renew();
        await sleep(100);
        if (holder() == me || !holder()) break;
      }
      await sleep(250);
    }
    return await task(renew);
  } finally {
    w.removeEventListener('pagehide', free);
    free();
  }
}
