import { afterEach, describe, expect, it } from 'vitest';
import { createScriptGate } from '../../src/gate/scripts';
import { releaseIframes } from '../../src/gate/iframes';

// jsdom runs scripts in a global of their own; the document is what both sides share.
const order = () => (document.documentElement.dataset.order || '').split(' ').filter(Boolean);
const push = (name: string) => `document.documentElement.dataset.order = (document.documentElement.dataset.order || '') + ' ${name}'`;

afterEach(() => {
  document.body.innerHTML = '';
  delete document.documentElement.dataset.order;
});

const gated = (category: string, code: string, attributes = '') =>
  `<script type="text/plain" data-category="${category}" ${attributes}>${code}</script>`;

describe('gated <script type="text/plain"> activation', () => {
  it('runs nothing until its category is allowed, then each once in document order', async () => {
    document.body.innerHTML = gated('analytics', push('a1')) + gated('advertising', push('ad'))
      + gated('analytics', push('a2'), 'id="second" data-extra="x"');
    const allowed = new Set<string>();
    const ran: string[] = [];
    const gate = createScriptGate(document, (c) => allowed.has(c), (c) => ran.push(c));
    await gate.scan();
    expect(order()).toEqual([]);
    allowed.add('analytics');
    await gate.scan();
    await gate.scan();
    expect(order()).toEqual(['a1', 'a2']);
    expect(ran).toEqual(['analytics', 'analytics']);
    const live = document.getElementById('second')!;
    expect(live.getAttribute('type')).toBeNull();
    expect(live.dataset.extra).toBe('x');
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(1);
  });

  it('runs scripts added to the page later', async () => {
    const gate = createScriptGate(document, () => true, () => {});
    const late = document.createElement('div');
    late.innerHTML = gated('analytics', push('late'));
    document.body.appendChild(late);
    await gate.scan();
    expect(order()).toEqual(['late']);
  });

  it("takes vanilla-cookieconsent's data-src as the script's src once allowed", async () => {
    document.body.innerHTML = '<script type="text/plain" data-category="analytics" data-src="/counter.js" id="c"></script>';
    let allowed = false;
    const gate = createScriptGate(document, () => allowed, () => {});
    await gate.scan();
    expect(document.getElementById('c')!.getAttribute('src')).toBeNull();
    allowed = true;
    // jsdom loads no external scripts; the live element is what the browser would fetch.
    void gate.scan();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const live = document.getElementById('c') as HTMLScriptElement;
    expect([live.getAttribute('type'), live.getAttribute('src')]).toEqual([null, '/counter.js']);
  });

  it('keeps a data-type such as module', async () => {
    document.body.innerHTML = gated('analytics', '', 'id="m" data-type="module"');
    await createScriptGate(document, () => true, () => {}).scan();
    expect(document.getElementById('m')!.getAttribute('type')).toBe('module');
  });
});

describe('gated iframes', () => {
  it('get their src only once allowed', () => {
    document.body.innerHTML = '<iframe data-category="advertising" data-src="https://vk.com/video_ext.php"></iframe>';
    const frame = document.querySelector('iframe')!;
    expect(releaseIframes(document, () => false)).toEqual([frame]);
    expect(frame.getAttribute('src')).toBeNull();
    expect(releaseIframes(document, () => true)).toEqual([]);
    expect(frame.getAttribute('src')).toBe('https://vk.com/video_ext.php');
  });

  it('are unloaded when their category is withdrawn, and load again when it is allowed', () => {
    document.body.innerHTML = '<iframe data-category="advertising" data-src="https://vk.com/video_ext.php"></iframe>'
      + '<iframe data-category="advertising" data-src="/a" src="/own"></iframe>';
    const [frame, own] = Array.from(document.querySelectorAll('iframe'));
    releaseIframes(document, () => true);
    expect(releaseIframes(document, () => false)).toEqual([frame]);
    expect(frame.getAttribute('src')).toBe('about:blank');
    // A src the site set itself is not Kelisim's to take away.
    expect(own.getAttribute('src')).toBe('/own');
    releaseIframes(document, () => true);
    expect(frame.getAttribute('src')).toBe('https://vk.com/video_ext.php');
  });
});
