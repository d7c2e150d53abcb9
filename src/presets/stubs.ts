type Page = Window & Record<string, any>;

/**
 * `stubs: ['ym', 'fbq']` for pages that keep a vendor's own snippet, gated: a function under each
 * name queues the page's calls (`onclick="ym(…)"`) so that they never throw. Just before gated
 * scripts run, the names are freed, because snippets keep an existing function (`ym`) or stop at
 * one (`if (f.fbq) return`); after, the queued calls go to the snippet's own function in order.
 * A name no snippet took is stubbed again, and once every category is answered its calls are
 * dropped: the visitor refused.
 */
export function createStubs(w: Page, names: string[]) {
  const own: Record<string, (...args: unknown[]) => void> = {};
  const held: Record<string, IArguments[] | null> = {};
  for (const name of names) {
    if (w[name] !== undefined) continue;
    held[name] = [];
    w[name] = own[name] = function () {
      const queue = held[name];
      if (queue) queue.push(arguments);
    };
  }
  return {
    release() {
      for (const name of Object.keys(own)) if (w[name] === own[name]) delete w[name];
    },
    settle(decided: boolean) {
      for (const name of Object.keys(own)) {
        const taken = w[name];
        if (taken === undefined || taken === own[name]) {
          w[name] = own[name];
          if (decided) held[name] = null;
        } else {
          const calls = held[name] || [];
          delete own[name];
          calls.forEach((args) => taken.apply(w, args));
        }
      }
    },
  };
}
