/**
 * Tells this tab when another tab of the site made a choice: BroadcastChannel where there is one,
 * and a cookie check whenever the tab becomes visible again (Safari before 15.4 has no channel).
 */
export function watchOtherTabs(w: Window, name: string, changed: () => void) {
  let channel: BroadcastChannel | undefined;
  try {
    channel = typeof BroadcastChannel == 'function' ? new BroadcastChannel('kelisim:' + name) : undefined;
    if (channel) channel.onmessage = () => changed();
  } catch {
    channel = undefined;
  }
  const visible = () => {
    if (w.document.visibilityState == 'visible') changed();
  };
  w.document.addEventListener('visibilitychange', visible);
  return {
    announce() {
      if (channel) channel.postMessage('changed');
    },
    stop() {
      if (channel) channel.close();
      w.document.removeEventListener('visibilitychange', visible);
    },
  };
}
