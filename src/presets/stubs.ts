type Page = Window & Record<string, any>;

/**
 * `stubs: ['ym', 'fbq', '_tmr']` for pages that keep a vendor's own snippet, gated: a function under
 * each name queues the page's calls (`onclick="ym(…)"`), and its `push` the pushes onto a vendor's
 * array queue (`_tmr.push({…})`, `dataLayer.push({…})`), so that neither throws. Just before gated
 * scripts run, the names are freed, because snippets keep an existing function (`ym`) or stop at
 * one (`if (f.fbq) return`); after, the queued calls go to the snippet's own function in order.
 * A name no snippet took is stubbed again, and once every category is answered its calls are
 * dropped: the visitor refused.
 */
export function createStubs(w: Page, names: string[]) {
  const own: Record<string, any> = {};
  // Each as it came: a call of the stub, or a push onto it.
  const held: Record<string, [pushed: boolean, args: IArguments][] | null> = {};
  for (const name of names) {
    if (w[name] !== undefined) continue;
    held[name] = [];
    const hold = (pushed: boolean) => function () {
      const queue = held[name];
      if (queue) queue.push([pushed, arguments]);
    };
    w[name] = own[name] = hold(false);
    own[name].push = hold(true);
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
          // A snippet's array takes the pushes; a call it cannot take is dropped rather than thrown.
          calls.forEach(([pushed, args]) => {
            const to = pushed ? taken.push : taken;
            if (typeof to == 'function') to.apply(pushed ? taken : w, args);
          });
        }
      }
    },
  };
}
