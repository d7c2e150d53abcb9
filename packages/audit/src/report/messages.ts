import { ID_PLACEHOLDER, idUnknownText } from '../fix';
import { gateCause, gateFix } from '../gate-start';
import type { GateStart, Lang, PhaseName, Purpose } from '../types';

/** Every string of the HTML report, per language. Kazakh follows the library's own glossary. */
export interface Messages {
  title: string;
  langName: string;
  verdictClean: string;
  verdictLeaks: (n: number) => string;
  verdictNoKelisim: string;
  /** Instead of `verdictNoKelisim` when the page meant to run Kelisim and it did not start. */
  verdictNotStarted: string;
  /** Why Kelisim did not start (`not-started`), and what to change. */
  gateCause: (gate: GateStart) => string;
  gateFix: (gate: GateStart) => string;
  unknownSummary: (n: number) => string;
  vendors: (list: string) => string;
  phase: Record<PhaseName, string>;
  phaseAbout: Record<PhaseName, string>;
  head: { kind: string; vendor: string; purpose: string; item: string; cause: string; fix: string; domain: string; area: string; origin: string; count: string };
  kind: Record<'request' | 'cookie' | 'storage' | 'banner', string>;
  purpose: Record<Purpose, string>;
  fixCounter: (vendor: string, code: string) => string;
  /** Stands for the counter id in `fixCounter`'s code when no request of the page carried it. */
  idPlaceholder: string;
  /** Says the id is the owner's to fill in, and where it is: in the snippet and in the account. */
  idUnknown: (vendor: string, snippet: string, account: string) => string;
  fixIframe: (category: string, code: string) => string;
  fixScript: (code: string) => string;
  fixCookies: (category: string, code: string) => string;
  leaksHeading: string;
  todoHeading: string;
  noLeaks: string;
  unknownsHeading: string;
  unknownsAbout: string;
  seenHeading: string;
  seen: (requests: number, cookies: number, storage: number) => string;
  thirdParty: string;
  notesHeading: string;
  screenshot: (phase: string) => string;
  meta: (date: string, seconds: string, url: string) => string;
  banner: Record<string, string>;
  note: Record<string, (subject: string) => string>;
  /** Phrases of the technical causes, English → this language. */
  cause: [RegExp, string][];
  yes: string;
  no: string;
}

const ru: Messages = {
  title: 'Аудит cookie и счётчиков',
  langName: 'Русский',
  verdictClean: 'Утечек не найдено: до выбора посетителя и после его отказа страница не загружает счётчики и не ставит необязательные cookie.',
  verdictLeaks: (n) => `Найдено нарушений: ${n}. До согласия посетителя или после его отказа страница передаёт данные сторонним сервисам или сохраняет необязательные cookie. Ниже — что именно происходит и как это исправить.`,
  verdictNoKelisim: 'На странице нет баннера Kelisim, поэтому проверено только то, что происходит до выбора посетителя.',
  verdictNotStarted: 'Kelisim не запустился, поэтому проверено только то, что происходит до выбора посетителя.',
  gateCause: (g) => {
    const signs = g.signs.map((s) => ({ config: 'настройки window.kelisimConfig', script: 'тег скрипта kelisim.js', markup: 'разметка data-kelisim' })[s]).join(' и ');
    switch (g.why) {
      case 'no-script': return `На странице нет скрипта Kelisim (<script src="…/kelisim.js">), есть только ${signs}.`;
      case 'http-status': return `Скрипт ${g.script} не загрузился: сервер ответил HTTP ${g.status} ${g.statusText || ''}`.trim() + '.';
      case 'network': return `Скрипт ${g.script} не загрузился: ${g.error}.`;
      case 'script-error': return `Скрипт ${g.script} завершился с ошибкой: ${g.error}.`;
      default: return g.status ? `Скрипт ${g.script} загрузился (HTTP ${g.status}), но Kelisim не запустился.` : `Скрипт ${g.script} не загружался.`;
    }
  },
  gateFix: (g) => {
    const path = g.script ? new URL(g.script).pathname : '';
    switch (g.why) {
      case 'no-script': return 'Подключите Kelisim после настроек: <script src="/assets/kelisim/kelisim.js" defer></script>, а остальные файлы из dist/ (kelisim-ui.js, kelisim-prefs.js, …) положите в ту же папку.';
      case 'http-status': return `Положите dist/kelisim.js и файлы рядом с ним (kelisim-ui.js, kelisim-prefs.js, …) по адресу ${path}, чтобы он открывался с кодом 200, или исправьте src в теге.`;
      case 'network': return 'Сделайте скрипт доступным из браузера посетителя: проверьте адрес в src, сервер и правила Content-Security-Policy.';
      case 'script-error': return `Замените ${path} неизменённой копией dist/kelisim.js из пакета (файл повреждён, обрезан или это не тот файл) и обновите страницу: баннер должен появиться.`;
      default: return 'Откройте страницу с открытой консолью браузера и исправьте то, о чём она сообщает: скрипт должен создать window.Kelisim и показать баннер.';
    }
  },
  vendors: (list) => `Сервисы, получающие данные без согласия: ${list}.`,
  unknownSummary: (n) => `Назначение не определено: ${n}. Это не обязательно нарушение, но эти пункты стоит проверить вручную.`,
  phase: { before: 'До выбора', reject: 'После отказа', accept: 'После согласия', withdraw: 'После отзыва согласия' },
  phaseAbout: {
    before: 'Страница открыта впервые, посетитель ещё ничего не выбрал; страница прокручена до конца.',
    reject: 'Нажата кнопка «Отклонить все», страница перезагружена, затем открыта ещё одна страница сайта.',
    accept: 'Нажата кнопка «Принять все», страница перезагружена, затем открыта ещё одна страница сайта.',
    withdraw: 'После согласия в настройках cookie отключены все необязательные категории, выбор сохранён.',
  },
  head: { kind: 'Что', vendor: 'Сервис', purpose: 'Назначение', item: 'Адрес или имя', cause: 'Источник', fix: 'Как исправить', domain: 'Домен', area: 'Хранилище', origin: 'Сайт', count: 'Запросов' },
  kind: { request: 'Запрос', cookie: 'Cookie', storage: 'Хранилище браузера', banner: 'Баннер' },
  purpose: { necessary: 'Необходимые', analytics: 'Аналитика', advertising: 'Реклама', personalization: 'Персонализация', functional: 'Дополнительные функции', unknown: 'Не определено' },
  fixCounter: (vendor, code) => `Уберите код ${vendor} со страницы и подключите счётчик через Kelisim — добавьте в counters: ${code}. Вызовы ym, gtag, fbq, _tmr и ttq в коде страницы можно оставить: они дождутся согласия. Прямые обращения к сервису (<img> или new Image() с его адресом) тоже замените вызовом из этого списка.`,
  idPlaceholder: 'НОМЕР_СЧЁТЧИКА',
  idUnknown: (vendor, snippet, account) => `Номер счётчика ${vendor} не встретился ни в одном запросе страницы, поэтому вместо номера в коде стоит НОМЕР_СЧЁТЧИКА — замените его своим. Он есть в коде, который вы убираете (${snippet}), и в личном кабинете сервиса (${account}).`,
  fixIframe: (category, code) => `Замените src на data-src и добавьте data-category="${category}": ${code}. Блок загрузится только после согласия на эту категорию.`,
  fixCookies: (category, code) => `Добавьте это cookie в categories.${category}.cookies: ${code} — тогда при отзыве согласия Kelisim его удалит.`,
  fixScript: (code) => `Не запускайте скрипт до согласия: ${code}. Или подключите его через counters с src.`,
  leaksHeading: 'Нарушения',
  todoHeading: 'Что исправить',
  noLeaks: 'В этой фазе нарушений нет.',
  unknownsHeading: 'Не удалось определить',
  unknownsAbout: 'Этих сервисов и cookie нет в справочнике. Выясните, что они делают: если они не нужны для работы сайта, их тоже нужно включать только после согласия.',
  seenHeading: 'Всё, что увидел браузер',
  seen: (r, c, s) => `Запросов: ${r}, cookie: ${c}, записей в хранилище: ${s}.`,
  thirdParty: 'Сторонние запросы',
  notesHeading: 'Замечания',
  screenshot: (phase) => `Снимок страницы: ${phase}`,
  meta: (date, seconds, url) => `Проверено ${date}, за ${seconds} с. Адрес: ${url}`,
  banner: {
    'no-banner': 'Kelisim есть на странице, но баннер не появился — посетитель не может сделать выбор.',
    'no-button': 'В баннере нет кнопки отказа.',
    'click-failed': 'Кнопку отказа не удалось нажать.',
    'not-closed': 'Кнопка отказа не закрывает баннер.',
    'no-choice': 'После нажатия кнопки отказа выбор не сохранён.',
    'consent-on-reject': 'Отказ сохранился как согласие на необязательные категории.',
    'no-preferences': 'Окно настроек cookie не открылось — согласие нельзя отозвать.',
    'no-save': 'В окне настроек нет работающей кнопки «Сохранить выбор».',
    'not-started': 'Настройки Kelisim есть на странице, но сам Kelisim не запустился: баннера нет, посетитель не может ни дать согласие, ни отказаться, а у владельца сайта нет записей о согласии.',
  },
  note: {
    'third-party-stays': (s) => `Стороннее cookie ${s} осталось: сайт не может удалить cookie чужого домена, это делается на сайте самого сервиса.`,
    'storage-stays': (s) => `Запись ${s} в хранилище браузера осталась после отзыва согласия.`,
    'still-allowed': (s) => `После отзыва выбор всё ещё разрешает: ${s}.`,
    'accept-problem': (s) => `Кнопка «Принять все»: ${s}`,
  },
  cause: [
    [/inline (on\w+) handler at /g, 'обработчик $1 в разметке: '],
    [/inline script at /g, 'встроенный скрипт: '],
    [/, loaded by /g, ', загружен через '],
    [/Set-Cookie from /g, 'заголовок Set-Cookie от '],
    [/, requested by /g, ', запрос из '],
    [/document\.cookie from /g, 'document.cookie, записал '],
    [/(^|, )inside /g, '$1внутри '],
    [/> at /g, '> — '],
    [/the page itself/g, 'сама страница'],
    [/not known/g, 'не установлен'],
  ],
  yes: 'да',
  no: 'нет',
};

const kk: Messages = {
  title: 'Cookie файлдары мен талдау құралдарының аудиті',
  langName: 'Қазақша',
  verdictClean: 'Ағып кету табылмады: келуші таңдау жасағанға дейін және ол бас тартқаннан кейін бет талдау құралдарын жүктемейді және міндетті емес cookie файлдарын орнатпайды.',
  verdictLeaks: (n) => `Табылған бұзушылықтар: ${n}. Келуші келісім бергенге дейін немесе ол бас тартқаннан кейін бет деректерді бөгде қызметтерге жібереді немесе міндетті емес cookie файлдарын сақтайды. Төменде нақты не болып жатқаны және оны қалай түзету керегі жазылған.`,
  verdictNoKelisim: 'Бетте Kelisim баннері жоқ, сондықтан келуші таңдау жасағанға дейінгі күй ғана тексерілді.',
  verdictNotStarted: 'Kelisim іске қосылмады, сондықтан келуші таңдау жасағанға дейінгі күй ғана тексерілді.',
  gateCause: (g) => {
    const signs = g.signs.map((s) => ({ config: 'window.kelisimConfig баптаулары', script: 'kelisim.js скрипт тегі', markup: 'data-kelisim белгілері' })[s]).join(' мен ');
    switch (g.why) {
      case 'no-script': return `Бетте Kelisim скрипті (<script src="…/kelisim.js">) жоқ, тек ${signs} бар.`;
      case 'http-status': return `${g.script} скрипті жүктелмеді: сервер HTTP ${`${g.status} ${g.statusText || ''}`.trim()} деп жауап берді.`;
      case 'network': return `${g.script} скрипті жүктелмеді: ${g.error}.`;
      case 'script-error': return `${g.script} скрипті қатемен тоқтады: ${g.error}.`;
      default: return g.status ? `${g.script} скрипті жүктелді (HTTP ${g.status}), бірақ Kelisim іске қосылмады.` : `${g.script} скрипті мүлде жүктелмеді.`;
    }
  },
  gateFix: (g) => {
    const path = g.script ? new URL(g.script).pathname : '';
    switch (g.why) {
      case 'no-script': return 'Kelisim-ді баптаулардан кейін қосыңыз: <script src="/assets/kelisim/kelisim.js" defer></script>, ал dist/ ішіндегі басқа файлдарды (kelisim-ui.js, kelisim-prefs.js, …) сол қалтаға салыңыз.';
      case 'http-status': return `dist/kelisim.js файлын және оның қасындағы файлдарды (kelisim-ui.js, kelisim-prefs.js, …) ${path} мекенжайына салыңыз, сонда ол 200 кодымен ашылады; немесе тегтегі src мекенжайын түзетіңіз.`;
      case 'network': return 'Скрипт келушінің браузерінен қолжетімді болуы керек: src ішіндегі мекенжайды, серверді және Content-Security-Policy ережелерін тексеріңіз.';
      case 'script-error': return `${path} файлын пакеттегі dist/kelisim.js файлының өзгертілмеген көшірмесімен алмастырыңыз (файл бүлінген, қысқартылған немесе басқа файл), содан кейін бетті қайта жүктеңіз: баннер шығуы керек.`;
      default: return 'Бетті браузер консолі ашық күйде ашып, консоль хабарлаған қатені түзетіңіз: скрипт window.Kelisim құрып, баннерді көрсетуі керек.';
    }
  },
  vendors: (list) => `Келісімсіз деректер алатын қызметтер: ${list}.`,
  unknownSummary: (n) => `Мақсаты анықталмағандар: ${n}. Бұл міндетті түрде бұзушылық емес, бірақ оларды қолмен тексерген жөн.`,
  phase: { before: 'Таңдауға дейін', reject: 'Бас тартқаннан кейін', accept: 'Келісім бергеннен кейін', withdraw: 'Келісімді кері қайтарып алғаннан кейін' },
  phaseAbout: {
    before: 'Бет алғаш рет ашылды, келуші әлі ештеңе таңдаған жоқ; бет соңына дейін айналдырылды.',
    reject: '«Барлығынан бас тарту» түймесі басылды, бет қайта жүктелді, содан кейін сайттың тағы бір беті ашылды.',
    accept: '«Барлығын қабылдау» түймесі басылды, бет қайта жүктелді, содан кейін сайттың тағы бір беті ашылды.',
    withdraw: 'Келісім берілгеннен кейін cookie баптауларында барлық міндетті емес санаттар өшіріліп, таңдау сақталды.',
  },
  head: { kind: 'Не', vendor: 'Қызмет', purpose: 'Мақсаты', item: 'Мекенжай немесе атау', cause: 'Көзі', fix: 'Қалай түзету керек', domain: 'Домен', area: 'Қойма', origin: 'Сайт', count: 'Сұраныстар' },
  kind: { request: 'Сұраныс', cookie: 'Cookie', storage: 'Браузер қоймасы', banner: 'Баннер' },
  purpose: { necessary: 'Қажетті', analytics: 'Аналитика', advertising: 'Жарнама', personalization: 'Жекелендіру', functional: 'Қосымша мүмкіндіктер', unknown: 'Анықталмаған' },
  fixCounter: (vendor, code) => `${vendor} кодын беттен алып тастап, талдау құралын Kelisim арқылы қосыңыз — counters ішіне мынаны қосыңыз: ${code}. Бет кодындағы ym, gtag, fbq, _tmr және ttq шақыруларын қалдыруға болады: олар келісімді күтеді. Қызметке тікелей жүгінуді (оның мекенжайы жазылған <img> немесе new Image()) де осы шақырулардың бірімен алмастырыңыз.`,
  idPlaceholder: 'ҚҰРАЛ_НӨМІРІ',
  idUnknown: (vendor, snippet, account) => `${vendor} құралының нөмірі беттің бірде-бір сұранысында кездеспеді, сондықтан кодта нөмірдің орнында ҚҰРАЛ_НӨМІРІ тұр — оны өз нөміріңізбен алмастырыңыз. Нөміріңіз сіз алып тастайтын кодта (${snippet}) және қызметтің жеке кабинетінде (${account}) бар.`,
  fixIframe: (category, code) => `src орнына data-src жазып, data-category="${category}" қосыңыз: ${code}. Блок осы санатқа келісім берілгеннен кейін ғана жүктеледі.`,
  fixCookies: (category, code) => `Бұл cookie файлын categories.${category}.cookies ішіне қосыңыз: ${code} — сонда келісім кері қайтарылғанда Kelisim оны жояды.`,
  fixScript: (code) => `Скриптті келісімге дейін іске қоспаңыз: ${code}. Немесе оны counters арқылы src көмегімен қосыңыз.`,
  leaksHeading: 'Бұзушылықтар',
  todoHeading: 'Не түзету керек',
  noLeaks: 'Бұл кезеңде бұзушылық жоқ.',
  unknownsHeading: 'Анықталмағандар',
  unknownsAbout: 'Бұл қызметтер мен cookie файлдары анықтамалықта жоқ. Олардың не істейтінін анықтаңыз: сайттың жұмысына қажет болмаса, оларды да тек келісімнен кейін қосу керек.',
  seenHeading: 'Браузер көргеннің бәрі',
  seen: (r, c, s) => `Сұраныстар: ${r}, cookie: ${c}, қоймадағы жазбалар: ${s}.`,
  thirdParty: 'Бөгде сұраныстар',
  notesHeading: 'Ескертпелер',
  screenshot: (phase) => `Бет суреті: ${phase}`,
  meta: (date, seconds, url) => `Тексерілген уақыты: ${date}, ұзақтығы: ${seconds} с. Мекенжайы: ${url}`,
  banner: {
    'no-banner': 'Бетте Kelisim бар, бірақ баннер шықпады — келуші таңдау жасай алмайды.',
    'no-button': 'Баннерде бас тарту түймесі жоқ.',
    'click-failed': 'Бас тарту түймесін басу мүмкін болмады.',
    'not-closed': 'Бас тарту түймесі баннерді жаппайды.',
    'no-choice': 'Бас тарту түймесін басқаннан кейін таңдау сақталмады.',
    'consent-on-reject': 'Бас тарту міндетті емес санаттарға келісім ретінде сақталды.',
    'no-preferences': 'Cookie баптаулары терезесі ашылмады — келісімді кері қайтарып алу мүмкін емес.',
    'no-save': 'Баптаулар терезесінде жұмыс істейтін «Таңдауды сақтау» түймесі жоқ.',
    'not-started': 'Бетте Kelisim баптаулары бар, бірақ Kelisim іске қосылмады: баннер жоқ, келуші келісім бере де, бас тарта да алмайды, ал сайт иесінде келісім туралы бірде-бір жазба жоқ.',
  },
  note: {
    'third-party-stays': (s) => `${s} бөгде cookie файлы қалды: сайт басқа доменнің cookie файлын жоя алмайды, мұны қызметтің өз сайтында істеуге болады.`,
    'storage-stays': (s) => `Браузер қоймасындағы ${s} жазбасы келісім кері қайтарып алынғаннан кейін де қалды.`,
    'still-allowed': (s) => `Кері қайтарып алғаннан кейін де таңдау мыналарға рұқсат береді: ${s}.`,
    'accept-problem': (s) => `«Барлығын қабылдау» түймесі: ${s}`,
  },
  cause: [
    [/inline (on\w+) handler at /g, 'беттегі $1 өңдеушісі: '],
    [/inline script at /g, 'беттегі скрипт: '],
    [/, loaded by /g, ', оны жүктеген: '],
    [/Set-Cookie from /g, 'Set-Cookie тақырыбы: '],
    [/, requested by /g, ', сұранысты жасаған: '],
    [/document\.cookie from /g, 'document.cookie, жазған: '],
    [/(^|, )inside /g, '$1ендірілген блок ішінде: '],
    [/> at /g, '> — '],
    [/the page itself/g, 'беттің өзі'],
    [/not known/g, 'анықталмады'],
  ],
  yes: 'иә',
  no: 'жоқ',
};

const en: Messages = {
  title: 'Cookie and tracker audit',
  langName: 'English',
  verdictClean: 'No leaks: before the visitor chooses and after they refuse, the page loads no counters and sets no optional cookies.',
  verdictLeaks: (n) => `${n} finding${n == 1 ? '' : 's'}. Before the visitor consents, or after they refuse, the page sends data to third parties or keeps optional cookies. Below: what happens and how to fix it.`,
  verdictNoKelisim: 'Kelisim is not on this page, so only what happens before the visitor chooses was checked.',
  verdictNotStarted: 'Kelisim did not start, so only what happens before the visitor chooses was checked.',
  gateCause: (g) => { const text = gateCause(g); return text[0].toUpperCase() + text.slice(1) + '.'; },
  gateFix,
  vendors: (list) => `Vendors that get data without consent: ${list}.`,
  unknownSummary: (n) => `${n} item${n == 1 ? '' : 's'} of unknown purpose. Not necessarily a leak, but worth checking by hand.`,
  phase: { before: 'Before a choice', reject: 'After reject all', accept: 'After accept all', withdraw: 'After withdrawal' },
  phaseAbout: {
    before: 'First visit, no choice made yet; the page was scrolled to the end.',
    reject: '"Reject all" was clicked, the page reloaded, then one more page of the site was opened.',
    accept: '"Accept all" was clicked, the page reloaded, then one more page of the site was opened.',
    withdraw: 'After accepting, every optional category was switched off in the cookie settings and saved.',
  },
  head: { kind: 'What', vendor: 'Vendor', purpose: 'Purpose', item: 'Host or name', cause: 'Cause', fix: 'How to fix', domain: 'Domain', area: 'Storage', origin: 'Origin', count: 'Requests' },
  kind: { request: 'Request', cookie: 'Cookie', storage: 'Browser storage', banner: 'Banner' },
  purpose: { necessary: 'Necessary', analytics: 'Analytics', advertising: 'Advertising', personalization: 'Personalisation', functional: 'Extra features', unknown: 'Unknown' },
  fixCounter: (vendor, code) => `Remove the ${vendor} snippet and let Kelisim load the counter: add to counters ${code}. Page calls to ym, gtag, fbq, _tmr and ttq may stay: they wait for consent. Replace direct hits (an <img> or new Image() with the vendor\'s URL) with such a call too.`,
  idPlaceholder: ID_PLACEHOLDER,
  idUnknown: idUnknownText,
  fixIframe: (category, code) => `Replace src with data-src and add data-category="${category}": ${code}. The embed loads once that category is allowed.`,
  fixCookies: (category, code) => `List this cookie in categories.${category}.cookies: ${code}, so withdrawal deletes it.`,
  fixScript: (code) => `Keep the script from running before consent: ${code}. Or load it through counters with src.`,
  leaksHeading: 'Findings',
  todoHeading: 'What to fix',
  noLeaks: 'No findings in this phase.',
  unknownsHeading: 'Could not be placed',
  unknownsAbout: 'These hosts and cookies are not in the map. Find out what they do: unless the site needs them to work, they too must wait for consent.',
  seenHeading: 'Everything the browser saw',
  seen: (r, c, s) => `${r} requests, ${c} cookies, ${s} storage keys.`,
  thirdParty: 'Third-party requests',
  notesHeading: 'Notes',
  screenshot: (phase) => `Screenshot: ${phase}`,
  meta: (date, seconds, url) => `Checked ${date} in ${seconds} s. Page: ${url}`,
  banner: {
    'no-banner': 'Kelisim is on the page but its banner did not appear: no visitor can make a choice.',
    'no-button': 'The banner has no reject button.',
    'click-failed': 'The reject button could not be clicked.',
    'not-closed': 'The reject button does not close the banner.',
    'no-choice': 'Clicking the reject button recorded no choice.',
    'consent-on-reject': 'Rejecting recorded consent to optional categories.',
    'no-preferences': 'The cookie settings did not open: consent cannot be withdrawn.',
    'no-save': 'The cookie settings have no working "Save choices" button.',
    'not-started': 'Kelisim\'s config is on the page but Kelisim did not start: there is no banner, so visitors can neither give nor refuse consent, and no choice is recorded.',
  },
  note: {
    'third-party-stays': (s) => `Third-party cookie ${s} stays: a site cannot delete another domain's cookies; the vendor's own site can.`,
    'storage-stays': (s) => `Storage key ${s} stays after withdrawal.`,
    'still-allowed': (s) => `After withdrawal the choice still allows: ${s}.`,
    'accept-problem': (s) => `"Accept all": ${s}`,
  },
  cause: [],
  yes: 'yes',
  no: 'no',
};

export const messages: Record<Lang, Messages> = { ru, kk, en };
export const LANGS: Lang[] = ['ru', 'kk', 'en'];
