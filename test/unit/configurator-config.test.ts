import { describe, expect, it, vi } from 'vitest';
import { check, libraryMessages } from '../../src/configurator/check';
import { embedSrc } from '../../src/configurator/embeds';
import { type FormState, emptyCounter, emptyEmbed, fromConfig, initialState, purpose, toConfig } from '../../src/configurator/model';
import { previewConfig } from '../../src/configurator/preview';
import { reopenButton, snippet } from '../../src/configurator/snippet';
import { STRINGS } from '../../src/configurator/strings';
import { DEFAULT_COLORS, themeCss } from '../../src/configurator/theme';

// Vitest leaves stylesheets empty; the build inlines the real one, so the tests read it too.
vi.mock('../../styles/kelisim.css?inline', async () => ({ default: (await import('node:fs')).readFileSync('styles/kelisim.css', 'utf8') }));

/** The Center's setup: Metrica with Webvisor, the VK pixel, a YouTube embed, its policy and ИИН. */
function center(): FormState {
  const state = initialState();
  state.policyUrl = '/privacy';
  state.revision = '2019-02-20';
  state.operatorName = 'ИП Makeup Training Center «BENTON»';
  state.operatorPrefix = 'ИИН';
  state.operatorNumber = '790611401178';
  state.purposes.find((p) => p.name == 'functional')!.on = true;
  state.counters = [
    { ...emptyCounter('analytics'), id: '12345678', webvisor: true },
    { ...emptyCounter('advertising'), kind: 'vk-pixel', id: '3333333' },
  ];
  state.embeds = [{ ...emptyEmbed('functional'), url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Урок макияжа' }];
  return state;
}

const fieldsOf = (state: FormState) => Object.keys(check(state, STRINGS.ru));

describe("the Center's setup", () => {
  it('exports the config the library takes with zero warnings, ids typed as its types say', () => {
    const state = center();
    expect(fieldsOf(state)).toEqual([]);
    const config = toConfig(state);
    expect(libraryMessages(config)).toEqual([]);
    expect(config).toEqual({
      language: 'auto',
      policyUrl: '/privacy',
      revision: '2019-02-20',
      operator: { name: 'ИП Makeup Training Center «BENTON»', id: 'ИИН 790611401178' },
      categories: { necessary: { required: true }, analytics: {}, advertising: {}, functional: {} },
      counters: [
        { category: 'analytics', preset: 'yandex-metrika', id: 12345678, options: { webvisor: true } },
        { category: 'advertising', preset: 'vk-pixel', id: '3333333' },
      ],
      layout: 'bar',
      theme: 'auto',
    });
  });

  it('a saved config loads back into the same form and the same config', () => {
    const state = center();
    state.purposes.push({ ...purpose('courses', false, true), cookies: 'crs_*', texts: {
      ru: { title: 'Курсы', description: 'Запись на курсы.' },
      kk: { title: 'Курстар', description: 'Курстарға жазылу.' },
      en: { title: 'Courses', description: 'Course sign-up.' },
    } });
    state.texts.kk.bannerTitle = 'Біз cookie қолданамыз';
    state.consentLog = 'https://consent.example.kz/v1/records';
    const config = JSON.parse(JSON.stringify(toConfig(state)));
    const loaded = fromConfig(config, initialState());
    expect(toConfig(loaded)).toEqual(config);
    expect(JSON.stringify(toConfig(loaded))).toBe(JSON.stringify(config));
    const { embeds: _e, ...withoutEmbeds } = state;
    const { embeds: _l, ...loadedWithoutEmbeds } = loaded;
    expect(loadedWithoutEmbeds).toEqual({ ...withoutEmbeds, texts: { ru: {}, kk: { bannerTitle: 'Біз cookie қолданамыз' }, en: {} } });
  });

  it('keeps the settings the form does not edit, such as the cookie domain, exactly as loaded', () => {
    const proposal = { revision: '3', policyUrl: '/privacy', cookie: { domain: '.benton.kz' }, consentMode: { mode: 'basic' }, gpc: false };
    const config = toConfig(fromConfig(proposal));
    expect(config).toMatchObject({ cookie: { domain: '.benton.kz' }, consentMode: { mode: 'basic' }, gpc: false });
    expect(libraryMessages(config)).toEqual([]);
  });
});

describe('a loaded file', () => {
  it('leaves out, and names, the keys the library would refuse or not know', () => {
    const loaded = fromConfig({ policyUrl: '/privacy', cookie: { domain: 'not a domain!' }, colour: 'pink', gpc: false, language: '??' });
    expect(loaded.dropped).toEqual(['language', 'cookie', 'colour']);
    expect(loaded.rest).toEqual({ gpc: false });
    expect(libraryMessages(toConfig(loaded))).toEqual([]);
  });
});

describe('a loaded counter', () => {
  it('of a preset the form does not know is named, not shown as another vendor', () => {
    const loaded = fromConfig({ counters: [{ category: 'analytics', preset: 'hotjar', id: '1' }, { category: 'advertising', preset: 'gtag', id: 'AW-123456789' }] });
    expect(loaded.dropped).toEqual(['counters[0]']);
    expect(loaded.counters.map((c) => c.kind)).toEqual(['google-ads']);
    expect(check(loaded, STRINGS.en)['counter.0.id']).toBeUndefined();
  });
});

describe('refused values', () => {
  const refused = (change: (s: FormState) => void) => {
    const state = center();
    change(state);
    return check(state, STRINGS.ru);
  };

  it('a counter id in the wrong format, naming the counter and the field', () => {
    expect(refused((s) => { s.counters[0].id = 'G-ABC1234'; })).toEqual({
      'counter.0.id': 'Счётчик 1 · Номер счётчика (ID): номер не подходит для сервиса «Яндекс Метрика». Пример правильного номера: 12345678.',
    });
    expect(Object.keys(refused((s) => { s.counters[1].id = '33a'; }))).toEqual(['counter.1.id']);
    expect(Object.keys(refused((s) => { s.counters.push({ ...emptyCounter('analytics'), kind: 'ga4', id: 'AW-123456789' }); }))).toEqual(['counter.2.id']);
    expect(refused((s) => { s.counters.push({ ...emptyCounter('analytics'), kind: 'gtm', id: 'GTM-ABC1234' }); })).toEqual({});
  });

  // Read as a number, 00012345 is counter 12345: someone else's.
  it('a Metrica number with a leading zero, or zero itself', () => {
    for (const id of ['00012345', '0']) {
      expect(refused((s) => { s.counters[0].id = id; }), id).toEqual({
        'counter.0.id': 'Счётчик 1 · Номер счётчика (ID): в Яндекс Метрике номера не начинаются с нуля. Скопируйте номер из Метрики без изменений.',
      });
    }
    const state = center();
    state.counters[0].id = '00012345';
    expect(check(state, STRINGS.kk)).toEqual({
      'counter.0.id': 'Талдау құралы 1 · Құрал нөмірі (ID): Яндекс Метрикада нөмірлер нөлден басталмайды. Нөмірді Метрикадан өзгеріссіз көшіріңіз.',
    });
    expect(toConfig(state).counters![0].id).not.toBe(12345);
  });

  it('an ИИН with a wrong check digit', () => {
    expect(refused((s) => { s.operatorNumber = '790611401179'; })).toEqual({
      operatorNumber: 'Оператор персональных данных · Номер: контрольная цифра не сходится, в номере ИИН опечатка.',
    });
  });

  it('a javascript: policy URL, and a counter script from one', () => {
    expect(Object.keys(refused((s) => { s.policyUrl = 'javascript:alert(1)'; }))).toEqual(['policyUrl']);
    expect(Object.keys(refused((s) => { s.counters.push({ ...emptyCounter('analytics'), kind: 'src', src: 'JavaScript:alert(1)' }); }))).toEqual(['counter.2.src']);
  });

  // Without a scheme and a host these resolve against each page of the live site:
  // www.benton.kz/privacy on /courses/ is /courses/www.benton.kz/privacy.
  it('addresses with no scheme or host, which the site would read as paths under each page', () => {
    for (const bad of ['www.benton.kz/privacy', 'benton.kz', 'http://', 'https://', '//benton.kz/privacy', '/\\benton.kz/privacy']) {
      expect(refused((s) => { s.policyUrl = bad; }), bad).toEqual({
        policyUrl: 'Адрес политики конфиденциальности: нужен полный адрес с именем сайта (https://…) или путь, начинающийся с /, например /privacy.',
      });
    }
    expect(refused((s) => { s.counters.push({ ...emptyCounter('analytics'), kind: 'src', src: 'stats.example.io/c.js' }); })).toEqual({
      'counter.2.src': 'Счётчик 3 · Адрес скрипта: нужен полный адрес с именем сайта (https://…) или путь, начинающийся с /, например https://stats.example.kz/counter.js.',
    });
    const state = center();
    state.consentLog = 'receiver.benton.kz/v1/consent';
    state.scriptPath = 'assets/kelisim/kelisim.js';
    expect(check(state, STRINGS.kk)).toEqual({
      consentLog: 'Келісімдерді қабылдаушының мекенжайы (consentLog): сайт атауы бар толық мекенжай (https://…) немесе / белгісінен басталатын жол керек, мысалы https://consent.example.kz/v1/consent.',
      scriptPath: 'Сайтыңыздағы kelisim.js жолы: сайт атауы бар толық мекенжай (https://…) немесе / белгісінен басталатын жол керек, мысалы /assets/kelisim/kelisim.js.',
    });
    for (const good of ['/privacy', 'https://benton.kz/privacy', 'http://benton.kz', 'HTTPS://benton.kz/Privacy?lang=kk#cookies']) {
      expect(refused((s) => { s.policyUrl = good; s.consentLog = good; s.scriptPath = good; }), good).toEqual({});
    }
  });

  it('a custom purpose without its Kazakh title, in the Kazakh message too', () => {
    const state = center();
    state.purposes.push({ ...purpose('courses', false, true), texts: {
      ru: { title: 'Курсы', description: 'Запись на курсы.' }, kk: { title: '', description: 'Курстарға жазылу.' }, en: { title: 'Courses', description: 'Course sign-up.' },
    } });
    expect(check(state, STRINGS.kk)).toEqual({ 'purpose.5.kk.title': 'Өз мақсатыңыз «courses» · Атауы (қаз.): өрісті толтырыңыз.' });
  });

  it('a purpose of our own under a built-in name', () => {
    expect(Object.keys(refused((s) => { s.purposes.push({ ...purpose('personalization', false, true), texts: center().purposes[0].texts }); }))).toContain('purpose.5.name');
  });

  it('colours below WCAG AA contrast, the defaults above it', () => {
    expect(refused((s) => { s.theme = 'light'; s.colors.light.accent = '#ff99cc'; })).toEqual({
      'color.light.accent': 'Светлая тема · Кнопки и ссылки: контраст 1.96:1, нужно не меньше 4.5:1 (WCAG AA).',
      // White on the pale accent fails too.
      'color.light.accentFg': 'Светлая тема · Текст на кнопках: контраст 1.96:1, нужно не меньше 4.5:1 (WCAG AA).',
    });
    expect(DEFAULT_COLORS.dark).toEqual({ bg: '#1f1f23', fg: '#f2f2f4', muted: '#c4c4cc', accent: '#f3a6c6', accentFg: '#1f1f23' });
  });
});

describe('snippet', () => {
  it('sets window.kelisimConfig to exactly the saved config, then loads the gate from one path', () => {
    const state = center();
    state.texts.ru.bannerText = 'Тег </script><script>alert(1)</script> не закрывает код';
    const config = toConfig(state);
    const code = snippet(config, '/static/kelisim.js', '');
    expect(code.match(/kelisim\.js/g)).toHaveLength(1);
    expect(code).not.toContain('</script><script>alert');
    const window: { kelisimConfig?: unknown } = {};
    new Function('window', code.split('\n').slice(1, -3).join('\n'))(window);
    expect(window.kelisimConfig).toEqual(config);
    expect(code.split('\n').slice(-2)).toEqual(['<script src="/static/kelisim.js" defer></script>', '']);
  });

  it("puts the owner's title on the reopen button as text, never as markup", () => {
    expect(reopenButton({ kk: { preferencesTitle: 'Cookie <b>& баптау' } }, 'kk')).toBe('<button type="button" data-kelisim="preferences">Cookie &lt;b>&amp; баптау</button>');
    expect(reopenButton({ kk: { preferencesTitle: '  ' } }, 'kk')).toBe('<button type="button" data-kelisim="preferences">Cookie баптаулары</button>');
  });

  it('carries the colours as CSS only when they differ from the defaults', () => {
    expect(themeCss('auto', DEFAULT_COLORS)).toBe('');
    expect(themeCss('dark', { ...DEFAULT_COLORS, dark: { ...DEFAULT_COLORS.dark, accent: '#ffcc00' } }))
      .toBe('[data-kelisim] .kelisim.kelisim[data-kelisim-theme=dark] { --kelisim-accent: #ffcc00; }');
  });
});

describe('preview', () => {
  it('hands the library none of the values the form flags', () => {
    const state = center();
    state.policyUrl = 'javascript:alert(1)';
    state.operatorNumber = '790611401179';
    const problems = check(state, STRINGS.ru);
    const config = previewConfig(toConfig(state, (f) => f in problems), 'kk');
    expect(JSON.stringify(config)).not.toContain('javascript:');
    expect(config.operator).toEqual({ name: 'ИП Makeup Training Center «BENTON»' });
    expect(config.counters).toBeUndefined();
    expect(libraryMessages(config)).toEqual([]);
  });
});

describe('embeds', () => {
  it('turns the addresses owners copy into the iframe address', () => {
    expect(embedSrc('youtube', 'https://youtu.be/dQw4w9WgXcQ?t=3')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(embedSrc('youtube', 'https://www.youtube.com/shorts/dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(embedSrc('vk-video', 'https://vk.com/video-12345_678')).toBe('https://vk.com/video_ext.php?oid=-12345&id=678');
    expect(embedSrc('yandex-maps', 'https://yandex.kz/maps/?ll=76.9,43.2&z=12')).toBe('https://yandex.kz/map-widget/v1/?ll=76.9,43.2&z=12');
    expect(embedSrc('youtube', 'javascript:alert(1)')).toBeNull();
    expect(embedSrc('other', 'http://example.org/')).toBeNull();
  });
});
