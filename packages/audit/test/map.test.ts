import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/presets/catalog';
import { presets } from '../../../src/presets';
import type { PresetName } from '../../../src/types';
import { classifyCookie, classifyRequest, classifyStorage } from '../src/map/classify';
import { idsIn } from '../src/map/ids';
import { registrableDomain } from '../src/map/site';

const SITE = 'www.makeup-center.kz';
const request = (url: string) => classifyRequest(new URL(url), SITE);

describe('the vendor map', () => {
  it('places each preset\'s own cookies (the ones the gate deletes) under that preset, from the library\'s lists', () => {
    for (const name of Object.keys(presets) as PresetName[]) {
      expect(catalog[name].cookies).toBe(presets[name].cookies);
      for (const pattern of presets[name].cookies) {
        const cookie = pattern.replace(/\*/g, 'abc');
        const placed = classifyCookie(cookie, '.makeup-center.kz', SITE);
        expect(placed.purpose, `${name}: ${cookie}`).not.toBe('unknown');
        expect(placed.firstParty).toBe(true);
        // gtag and gtm share Google's cookies; either preset gates them.
        if (name != 'gtm') expect(placed.preset, cookie).toBe(name);
      }
    }
  });

  it('places every catalog host under its preset\'s vendor', () => {
    for (const name of Object.keys(catalog) as PresetName[]) {
      for (const host of catalog[name].hosts) {
        const placed = request(`https://${host}/x`);
        expect(placed.purpose, host).not.toBe('unknown');
        // vk.com mostly serves widgets; its pixel is told apart by path (below).
        if (host != 'vk.com') expect(placed.preset, host).toBeDefined();
      }
    }
  });

  it('tells apart products that share a host by their path', () => {
    expect(request('https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234')).toMatchObject({ preset: 'gtm', purpose: 'analytics' });
    expect(request('https://www.googletagmanager.com/gtag/js?id=G-ABC')).toMatchObject({ preset: 'gtag', purpose: 'analytics' });
    expect(request('https://vk.com/rtrg?p=VK-RTRG-1')).toMatchObject({ preset: 'vk-pixel', purpose: 'advertising' });
    expect(request('https://vk.com/js/api/openapi.js')).toMatchObject({ vendor: 'VK widgets', purpose: 'functional' });
    expect(request('https://yandex.ru/map-widget/v1/?um=constructor')).toMatchObject({ vendor: 'Yandex Maps', purpose: 'functional' });
    expect(request('https://www.google.com/maps/embed?pb=1')).toMatchObject({ vendor: 'Google Maps' });
  });

  it('knows the widgets common on Russian and Kazakh sites', () => {
    expect(request('https://googleads.g.doubleclick.net/pagead/id')).toMatchObject({ purpose: 'advertising' });
    expect(request('https://api-maps.yandex.ru/2.1/?lang=ru_RU')).toMatchObject({ vendor: 'Yandex Maps' });
    expect(request('https://widgets.2gis.com/js/DGWidgetLoader.js')).toMatchObject({ vendor: '2GIS' });
    expect(request('https://code.jivosite.com/widget/abc')).toMatchObject({ vendor: 'Jivo', purpose: 'functional' });
    expect(request('https://cdn-ru.bitrix24.ru/b123/crm/site_button/loader.js')).toMatchObject({ vendor: 'Bitrix24 widget' });
    expect(request('https://static.getbutton.io/widget/bundle.js')).toMatchObject({ vendor: 'WhatsApp chat widget' });
    expect(request('https://www.youtube-nocookie.com/embed/x')).toMatchObject({ vendor: 'YouTube' });
    expect(request('https://analytics.tiktok.com/i18n/pixel/events.js')).toMatchObject({ preset: 'tiktok-pixel', purpose: 'advertising' });
  });

  it('never calls what it does not know necessary', () => {
    expect(request('https://cdn.some-widget.io/w.js')).toEqual({ vendor: 'cdn.some-widget.io', purpose: 'unknown' });
    expect(classifyCookie('session_tracker', '.makeup-center.kz', SITE)).toMatchObject({ purpose: 'unknown', firstParty: true });
    expect(classifyCookie('sid', '.some-widget.io', SITE)).toMatchObject({ purpose: 'unknown' });
    expect(classifyStorage('whatever', 'https://www.makeup-center.kz', SITE)).toMatchObject({ purpose: 'unknown' });
  });

  it('treats the page\'s own registrable domain as first-party, subdomains included', () => {
    expect(request('https://cdn.makeup-center.kz/app.js')).toMatchObject({ firstParty: true, purpose: 'necessary' });
    expect(registrableDomain('shop.example.com.kz')).toBe('example.com.kz');
    expect(registrableDomain('www.example.kz')).toBe('example.kz');
    expect(classifyCookie('kelisim', 'www.makeup-center.kz', SITE)).toMatchObject({ vendor: 'Kelisim', purpose: 'necessary' });
    expect(classifyStorage('kelisim-consent-log', 'https://www.makeup-center.kz', SITE)).toMatchObject({ vendor: 'Kelisim' });
    expect(classifyCookie('PHPSESSID', 'www.makeup-center.kz', SITE)).toMatchObject({ vendor: 'Site session', purpose: 'necessary' });
    expect(classifyCookie('__ddg1_', '.makeup-center.kz', SITE)).toMatchObject({ vendor: 'DDoS-Guard', purpose: 'necessary' });
  });

  it('reads counter ids from the vendors\' hit URLs, checked against the catalog\'s formats', () => {
    expect(idsIn('yandex-metrika', 'https://mc.yandex.ru/watch/12345678?page-url=x')).toEqual(['12345678']);
    expect(idsIn('yandex-metrika', 'https://mc.yandex.ru/metrika/tag.js?id=87654321')).toEqual(['87654321']);
    expect(idsIn('gtag', 'https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC123XYZ9&dl=x')).toEqual(['G-ABC123XYZ9']);
    expect(idsIn('gtm', 'https://www.googletagmanager.com/gtm.js?id=GTM-5ABCD6')).toEqual(['GTM-5ABCD6']);
    expect(idsIn('vk-pixel', 'https://top-fwz1.mail.ru/counter?id=3333333;js=na')).toEqual(['3333333']);
    expect(idsIn('meta-pixel', 'https://www.facebook.com/tr/?id=123456789012345&ev=PageView')).toEqual(['123456789012345']);
    expect(idsIn('tiktok-pixel', 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C4ABCDEFGHIJKLMNOPQR&lib=ttq')).toEqual(['C4ABCDEFGHIJKLMNOPQR']);
    expect(idsIn('meta-pixel', 'https://www.facebook.com/tr/?id=abc')).toEqual([]);
  });
});
