// Injected into every benchmark page before any of its own code (context.addInitScript).
// It must stay small and cheap: its cost lands in every variant, the `none` baseline included.
//
// window.__bench:
//   visible    performance.now() in the first animation frame in which the banner has a non-zero box
//              on screen and is not hidden by display, visibility or opacity (its own or an ancestor's)
//   inserted   performance.now() when the banner selector first matched a node
//   uiEver     a node matching `ui` (banner or preferences root) was ever in the document
//   cls        sum of layout-shift values without recent input; shifts: their count
//   click      the first trusted click that reached the window: time and the target's description
// The first visible frame is also reported as a console.debug message "__bench:visible:<ms>",
// so that the runner can react at once without polling the page.
export function probe({ banner, ui }) {
  const s = (window.__bench = { visible: null, inserted: null, uiEver: false, cls: 0, shifts: 0, moved: [], click: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        s.cls += e.value;
        s.shifts++;
        // What moved: listed in the report and in `--json` output.
        for (const src of e.sources || []) {
          const n = src.node;
          s.moved.push(`${Math.round(e.startTime)}ms after navigation start, ${n ? n.nodeName + (n.className ? '.' + n.className : '') : '?'} ${['x', 'y', 'width', 'height'].map((k) => `${k} ${Math.round(src.previousRect[k])}→${Math.round(src.currentRect[k])}`).join(' ')}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) { /* no layout-shift entries in this browser */ }
  addEventListener('click', (e) => {
    if (s.click || !e.isTrusted) return;
    const t = e.target;
    s.click = { at: performance.now(), target: t && t.outerHTML ? t.outerHTML.slice(0, 120) : String(t) };
  }, true);
  if (!banner) return;
  const onScreen = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
      && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  let polling = false;
  const frame = () => {
    const el = document.querySelector(banner);
    if (el && onScreen(el)) {
      s.visible = performance.now();
      polling = false;
      console.debug('__bench:visible:' + s.visible);
      return;
    }
    requestAnimationFrame(frame);
  };
  new MutationObserver(() => {
    if (!s.uiEver && ui && document.querySelector(ui)) s.uiEver = true;
    if (s.inserted !== null || !document.querySelector(banner)) return;
    s.inserted = performance.now();
    if (!polling && s.visible === null) { polling = true; requestAnimationFrame(frame); }
  }).observe(document, { childList: true, subtree: true });
}
