import type { Lang } from './headings';
import type { OriginFault } from './origin';
import type { StoreFault } from './store/fault';
import type { Row } from './store/types';
import type { BadTexts, ChainHead, Fault, FaultCode, PurgeNote } from './verify';

/**
 * What verify and find tell the operator, in the languages the operator reads (DESIGN: everything
 * the operator reads exists in Russian and Kazakh). Whole sentences per language, not pieces glued
 * in English order; counts stand after a colon, so no plural forms are needed.
 */
export interface Words {
  reasons: Record<FaultCode, (fault: Fault) => string>;
  verified: (rows: number) => string;
  head: (h: ChainHead) => string;
  purge: (p: PurgeNote) => string;
  broken: (at: { site: string; position: number; seq?: number }, reason: string, rows: number) => string;
  textsAltered: (t: BadTexts) => string;
  noRecord: (id: string) => string;
  choice: (receivedAt: string, action: string, granted: string, denied: string) => string;
  shown: (where: string, language: string, revision: string, texts: string) => string;
  unknown: string;
  altered: string;
  unreadable: string;
  unreadableNotice: (row: Row) => string;

  // What `serve` tells the operator while it runs (the server's log and the process's output).
  listening: (url: string, dialect: string, where: string) => string;
  noToken: string;
  purged: (site: string, removed: number, through: number) => string;
  purgeFailed: (message: string) => string;
  requestFailed: (method: string, url: string, message: string) => string;
  stopped: string;
  stopFailed: (message: string) => string;

  // The other commands' results and what the command line refuses.
  upToDate: (dialect: string, where: string) => string;
  registered: (file: string, added: number, known: number) => string;
  configErrors: (file: string) => string;
  /** Before a failure that is not wrong usage: `kelisim-receiver: error: …`. */
  error: string;
  storeFault: (fault: StoreFault) => string;
  noOrigin: string;
  findNeedsId: string;
  textsUsage: string;
  notJson: (file: string, message: string) => string;
  unknownCommand: (command: string) => string;
  unknownOption: (option: string) => string;
  needsValue: (option: string) => string;
  takesNoValue: (option: string) => string;
  wholeNumber: (option: string, min: number, max: number, got: string) => string;
  oneOf: (option: string, allowed: string[], got: string) => string;
  notPostgresUrl: string;
  badOrigin: (what: string, fault: OriginFault) => string;
  notDate: (name: string, got: string) => string;
  notDay: (name: string, day: string) => string;
  notTime: (name: string, value: string) => string;
}

const list = (and: string) => (columns: string[]) => columns.join(and);

const ru = list(' и ');
const kk = list(' және ');
const en = list(' and ');
/** "full, truncated or none": the last two joined by the language's "or". */
const either = (or: string) => (names: string[]) => `${names.slice(0, -1).join(', ')} ${or} ${names[names.length - 1]}`;
const HELP_RU = 'см. kelisim-receiver --help';
const HELP_KK = 'kelisim-receiver --help анықтамасын қараңыз';
const CHECK_DATA_RU = 'проверьте --data (KELISIM_DATA) или DATABASE_URL для PostgreSQL';
const CHECK_DATA_KK = '--data (KELISIM_DATA) параметрін, ал PostgreSQL үшін DATABASE_URL айнымалысын тексеріңіз';

export const WORDS: Record<Lang, Words> = {
  ru: {
    reasons: {
      genesis: () => 'первая строка цепочки не начинается с начального хеша',
      missing: (f) => `перед ней не хватает строк: ожидалась позиция ${f.expected}`,
      'prev-hash': () => 'записанный в ней хеш предыдущей строки не совпадает с настоящим',
      unreadable: (f) => `поле ${ru(f.columns!)} больше не читается как список категорий (изменено после записи)`,
      edited: () => 'содержимое строки не совпадает с её хешем (изменено после записи)',
      'purge-unreadable': () => 'сведения об очистке в ней не читаются (изменены после записи)',
      'purge-mismatch': () => 'записанная в ней очистка заканчивается не тем хешем, с которого начинается оставшаяся цепочка',
      unvouched: () => 'строк перед ней нет, и ни одна очистка в цепочке не записала их удаление',
    },
    verified: (rows) => `Цепочка проверена, строк: ${rows}.`,
    head: (h) => `  ${h.site}  позиция ${h.position}  хеш вершины ${h.hash}`,
    purge: (p) => `  ${p.site}  позиция ${p.position}: ${p.at} по сроку хранения удалено строк: ${p.removed} (позиции до ${p.removedThrough} включительно, получены до ${p.receivedBefore})`,
    broken: (at, reason, rows) => `Цепочка нарушена: ${at.site}, позиция ${at.position}${at.seq ? ` (строка ${at.seq})` : ''}: ${reason}. Строк до неё, которые сходятся: ${rows}.`,
    textsAltered: (t) => `Тексты изменены: ${t.language} ${t.hash} (${t.source}, зарегистрированы ${t.addedAt}) больше не сходятся со своим хешем (исправлены в базе данных после регистрации).`,
    noRecord: (id) => `Записей с идентификатором согласия ${id} нет.`,
    choice: (at, action, granted, denied) => `${at}  ${action.padEnd(10)}  разрешено: ${granted}  отклонено: ${denied}`,
    shown: (where, language, revision, texts) => `    ${where}  язык ${language}  редакция ${revision}  тексты ${texts}`,
    unknown: 'НЕИЗВЕСТНО',
    altered: 'ИЗМЕНЕНО',
    unreadable: 'НЕ ЧИТАЕТСЯ',
    unreadableNotice: (row) => `kelisim-receiver: запись ${row.site}, позиция ${row.position} (строка ${row.seq}) не читается: поле ${ru(row.unreadable!)} изменено в базе данных; проверьте цепочку командой kelisim-receiver verify`,
    listening: (url, dialect, where) => `kelisim-receiver принимает записи на ${url} (${dialect}: ${where})`,
    noToken: 'kelisim-receiver: KELISIM_TOKEN не задан, поэтому чтение и выгрузка по HTTP выключены.',
    purged: (site, removed, through) => `kelisim-receiver: по сроку хранения у ${site} удалено строк: ${removed} (позиции до ${through} включительно)`,
    purgeFailed: (message) => `kelisim-receiver: очистка по сроку хранения не удалась: ${message}`,
    requestFailed: (method, url, message) => `kelisim-receiver: запрос ${method} ${url} не выполнен: ${message}`,
    stopped: 'kelisim-receiver остановлен; все записи, получение которых он подтвердил, сохранены.',
    stopFailed: (message) => `kelisim-receiver: ошибка при остановке: ${message}`,
    upToDate: (dialect, where) => `kelisim-receiver: таблицы ${dialect} (${where}) соответствуют текущей версии.`,
    registered: (file, added, known) => `Из ${file} зарегистрировано новых хешей текстов: ${added} (уже известных: ${known}).`,
    configErrors: (file) => `kelisim-receiver: в ${file} есть ошибки; баннер показал бы тексты по умолчанию, поэтому тексты из файла не зарегистрированы.`,
    error: 'ошибка',
    storeFault: (f) => ({
      'no-store': `хранилище согласий не найдено (${f.where}): ${CHECK_DATA_RU}`,
      'not-a-store': `в ${f.where} нет записей согласия, это не хранилище kelisim-receiver: ${CHECK_DATA_RU}`,
      'sqlite-open': `не удалось открыть хранилище SQLite ${f.where} (--data, KELISIM_DATA): ${f.cause}`,
      'postgres-open': `PostgreSQL по адресу ${f.where} недоступен (DATABASE_URL): ${f.cause}`,
      'postgres-empty': `в базе данных ${f.where} (DATABASE_URL) нет записей согласия: проверьте DATABASE_URL`,
    })[f.code],
    noOrigin: "ни одному сайту не разрешено отправлять записи: укажите --origin https://ваш-сайт.kz (или KELISIM_ORIGINS); --origin '*' принимает записи с любого сайта, только для разработки",
    findNeedsId: 'для find укажите идентификатор согласия: kelisim-receiver find <идентификатор>',
    textsUsage: 'использование: kelisim-receiver texts add <site-config.json>',
    notJson: (file, message) => `${file} не читается как JSON: ${message}`,
    unknownCommand: (command) => `неизвестная команда ${command}; ${HELP_RU}`,
    unknownOption: (option) => `неизвестный параметр ${option}; ${HELP_RU}`,
    needsValue: (option) => `после ${option} нужно указать значение`,
    takesNoValue: (option) => `${option} не принимает значения`,
    wholeNumber: (option, min, max, got) => `${option}: нужно целое число от ${min} до ${max}, получено ${got}`,
    oneOf: (option, allowed, got) => `${option}: допустимо ${either('или')(allowed)}, получено ${got}`,
    notPostgresUrl: 'DATABASE_URL не адрес PostgreSQL: запишите его как postgres://пользователь:пароль@хост:5432/база',
    badOrigin: (what, fault) => fault == 'not-url'
      ? `${what}: это не адрес; пишите так: https://example.kz`
      : `${what}: нужен только адрес сайта, например https://example.kz (http или https, без пути, параметров и имени пользователя)`,
    notDate: (name, got) => `${name}: нужна дата (2026-01-31) или дата и время по ISO 8601 (2026-01-31T18:00, по UTC, если не указано смещение), получено ${got}`,
    notDay: (name, day) => `${name}: ${day} — такого дня в календаре нет`,
    notTime: (name, value) => `${name}: ${value} — такого времени суток нет`,
  },
  kk: {
    reasons: {
      genesis: () => 'тізбектің бірінші жолы бастапқы хештен басталмайды',
      missing: (f) => `алдында жолдар жетіспейді: ${f.expected}-позиция күтілген еді`,
      'prev-hash': () => 'ондағы алдыңғы жолдың хеші алдыңғы жолдың нақты хешіне сәйкес келмейді',
      unreadable: (f) => `${kk(f.columns!)} өрісі енді санаттар тізімі ретінде оқылмайды (жазылғаннан кейін өзгертілген)`,
      edited: () => 'жолдың мазмұны өз хешіне сәйкес келмейді (жазылғаннан кейін өзгертілген)',
      'purge-unreadable': () => 'ондағы тазалау туралы мәлімет оқылмайды (жазылғаннан кейін өзгертілген)',
      'purge-mismatch': () => 'ондағы тазалау қалған тізбек басталатын хешпен аяқталмайды',
      unvouched: () => 'алдындағы жолдар жоқ, ал тізбектегі бірде-бір тазалау олардың жойылғанын жазбаған',
    },
    verified: (rows) => `Тізбек тексерілді, жолдар саны: ${rows}.`,
    head: (h) => `  ${h.site}  позиция ${h.position}  соңғы хеш ${h.hash}`,
    purge: (p) => `  ${p.site}  позиция ${p.position}: ${p.at} сақтау мерзімі бойынша жойылған жолдар саны: ${p.removed} (${p.removedThrough}-позицияны қоса алғанда, ${p.receivedBefore} сәтінен бұрын алынғандар)`,
    broken: (at, reason, rows) => `Тізбек үзілген: ${at.site}, ${at.position}-позиция${at.seq ? ` (${at.seq}-жол)` : ''}: ${reason}. Одан бұрынғы сәйкес келетін жолдар саны: ${rows}.`,
    textsAltered: (t) => `Мәтіндер өзгертілген: ${t.language} ${t.hash} (${t.source}, тіркелген уақыты ${t.addedAt}) енді өз хешіне сәйкес келмейді (тіркелгеннен кейін дерекқорда түзетілген).`,
    noRecord: (id) => `Келісім идентификаторы ${id} болатын жазба табылмады.`,
    choice: (at, action, granted, denied) => `${at}  ${action.padEnd(10)}  рұқсат етілген: ${granted}  бас тартылған: ${denied}`,
    shown: (where, language, revision, texts) => `    ${where}  тілі ${language}  редакциясы ${revision}  мәтіндер ${texts}`,
    unknown: 'БЕЛГІСІЗ',
    altered: 'ӨЗГЕРТІЛГЕН',
    unreadable: 'ОҚЫЛМАЙДЫ',
    unreadableNotice: (row) => `kelisim-receiver: ${row.site} сайтының ${row.position}-позициядағы жазбасы (${row.seq}-жол) оқылмайды: ${kk(row.unreadable!)} өрісі дерекқорда өзгертілген; тізбекті kelisim-receiver verify командасымен тексеріңіз`,
    listening: (url, dialect, where) => `kelisim-receiver жазбаларды ${url} мекенжайында қабылдайды (${dialect}: ${where})`,
    noToken: 'kelisim-receiver: KELISIM_TOKEN берілмеген, сондықтан HTTP арқылы оқу мен түсіру өшірулі.',
    purged: (site, removed, through) => `kelisim-receiver: сақтау мерзімі бойынша ${site} сайтының жойылған жолдар саны: ${removed} (${through}-позицияны қоса алғанда)`,
    purgeFailed: (message) => `kelisim-receiver: сақтау мерзімі бойынша тазалау орындалмады: ${message}`,
    requestFailed: (method, url, message) => `kelisim-receiver: ${method} ${url} сұранысы орындалмады: ${message}`,
    stopped: 'kelisim-receiver тоқтатылды; қабылданғаны расталған жазбалардың бәрі сақталды.',
    stopFailed: (message) => `kelisim-receiver: тоқтату кезінде қате шықты: ${message}`,
    upToDate: (dialect, where) => `kelisim-receiver: ${dialect} кестелері (${where}) ағымдағы нұсқаға сәйкес.`,
    registered: (file, added, known) => `${file} файлынан тіркелген жаңа мәтін хештерінің саны: ${added} (бұрыннан белгілісі: ${known}).`,
    configErrors: (file) => `kelisim-receiver: ${file} файлында қателер бар; баннер әдепкі мәтіндерді көрсетер еді, сондықтан файлдағы мәтіндер тіркелмеді.`,
    error: 'қате',
    storeFault: (f) => ({
      'no-store': `келісім қоймасы табылмады (${f.where}): ${CHECK_DATA_KK}`,
      'not-a-store': `${f.where} ішінде келісім жазбалары жоқ, бұл kelisim-receiver қоймасы емес: ${CHECK_DATA_KK}`,
      'sqlite-open': `${f.where} SQLite қоймасын ашу мүмкін болмады (--data, KELISIM_DATA): ${f.cause}`,
      'postgres-open': `${f.where} мекенжайындағы PostgreSQL қолжетімсіз (DATABASE_URL): ${f.cause}`,
      'postgres-empty': `${f.where} дерекқорында (DATABASE_URL) келісім жазбалары жоқ: DATABASE_URL айнымалысын тексеріңіз`,
    })[f.code],
    noOrigin: "бірде-бір сайтқа жазба жіберуге рұқсат берілмеген: --origin https://сіздің-сайтыңыз.kz (немесе KELISIM_ORIGINS) беріңіз; --origin '*' кез келген сайттың жазбасын қабылдайды, тек әзірлеу үшін",
    findNeedsId: 'find командасына келісім идентификаторын беріңіз: kelisim-receiver find <идентификатор>',
    textsUsage: 'қолданылуы: kelisim-receiver texts add <site-config.json>',
    notJson: (file, message) => `${file} файлы JSON ретінде оқылмайды: ${message}`,
    unknownCommand: (command) => `белгісіз команда ${command}; ${HELP_KK}`,
    unknownOption: (option) => `белгісіз параметр ${option}; ${HELP_KK}`,
    needsValue: (option) => `${option} параметрінен кейін мәнін жазыңыз`,
    takesNoValue: (option) => `${option} параметрі мән қабылдамайды`,
    wholeNumber: (option, min, max, got) => `${option}: ${min} мен ${max} аралығындағы бүтін сан керек, берілгені ${got}`,
    oneOf: (option, allowed, got) => `${option}: ${either('немесе')(allowed)} мәндерінің бірі керек, берілгені ${got}`,
    notPostgresUrl: 'DATABASE_URL PostgreSQL мекенжайы емес: оны postgres://пайдаланушы:құпиясөз@хост:5432/база түрінде жазыңыз',
    badOrigin: (what, fault) => fault == 'not-url'
      ? `${what}: бұл мекенжай емес; https://example.kz түрінде жазыңыз`
      : `${what}: тек сайттың мекенжайы керек, мысалы https://example.kz (http не https, жолсыз, параметрсіз және пайдаланушы атынсыз)`,
    notDate: (name, got) => `${name}: күн (2026-01-31) не ISO 8601 бойынша күн мен уақыт (2026-01-31T18:00, ығысу берілмесе UTC бойынша) керек, берілгені ${got}`,
    notDay: (name, day) => `${name}: ${day} — күнтізбеде мұндай күн жоқ`,
    notTime: (name, value) => `${name}: ${value} — тәулікте мұндай уақыт жоқ`,
  },
  en: {
    reasons: {
      genesis: () => 'the first row of the chain does not start from the genesis hash',
      missing: (f) => `row(s) missing before it: expected position ${f.expected}`,
      'prev-hash': () => 'its previous-hash does not match the row before it',
      unreadable: (f) => `its ${en(f.columns!)} column no longer reads as a list of categories (edited after it was stored)`,
      edited: () => 'its content does not match its hash (edited after it was stored)',
      'purge-unreadable': () => 'its purge detail is not readable (edited after it was stored)',
      'purge-mismatch': () => 'the purge it records does not end on the hash the remaining chain starts from',
      unvouched: () => 'rows before it are missing and no purge in the chain records their removal',
    },
    verified: (rows) => `Chain verified: ${rows} row(s).`,
    head: (h) => `  ${h.site}  position ${h.position}  head ${h.hash}`,
    purge: (p) => `  ${p.site}  position ${p.position}: retention on ${p.at} removed ${p.removed} row(s) through position ${p.removedThrough}, received before ${p.receivedBefore}`,
    broken: (at, reason, rows) => `Chain broken at ${at.site} position ${at.position}${at.seq ? ` (row ${at.seq})` : ''}: ${reason}. ${rows} row(s) before it fit.`,
    textsAltered: (t) => `Texts altered: ${t.language} ${t.hash} (${t.source}, registered ${t.addedAt}) no longer match their hash (edited in the database after registration).`,
    noRecord: (id) => `No record of consent id ${id}.`,
    choice: (at, action, granted, denied) => `${at}  ${action.padEnd(10)}  granted: ${granted}  denied: ${denied}`,
    shown: (where, language, revision, texts) => `    ${where}  language ${language}  revision ${revision}  texts ${texts}`,
    unknown: 'UNKNOWN',
    altered: 'ALTERED',
    unreadable: 'UNREADABLE',
    unreadableNotice: (row) => `kelisim-receiver: the record at ${row.site} position ${row.position} (row ${row.seq}) cannot be read: its ${en(row.unreadable!)} column was altered in the database; run kelisim-receiver verify`,
    listening: (url, dialect, where) => `kelisim-receiver listening on ${url} (${dialect}: ${where})`,
    noToken: 'kelisim-receiver: KELISIM_TOKEN is not set, so reading and export over HTTP are off.',
    purged: (site, removed, through) => `kelisim-receiver: retention removed ${removed} row(s) of ${site} up to position ${through}`,
    purgeFailed: (message) => `kelisim-receiver: retention failed: ${message}`,
    requestFailed: (method, url, message) => `kelisim-receiver: ${method} ${url} failed: ${message}`,
    stopped: 'kelisim-receiver stopped; every record it confirmed is stored.',
    stopFailed: (message) => `kelisim-receiver: error while stopping: ${message}`,
    upToDate: (dialect, where) => `kelisim-receiver: ${dialect} at ${where} is up to date.`,
    registered: (file, added, known) => `Registered ${added} new text hash(es) from ${file} (${known} already known).`,
    configErrors: (file) => `kelisim-receiver: ${file} has errors; the banner would fall back to defaults, so its texts are not registered.`,
    error: 'error',
    storeFault: (f) => ({
      'no-store': `there is no consent store at ${f.where}: check --data (KELISIM_DATA), or DATABASE_URL for PostgreSQL`,
      'not-a-store': `${f.where} holds no consent records: it is not a kelisim-receiver store: check --data (KELISIM_DATA), or DATABASE_URL for PostgreSQL`,
      'sqlite-open': `cannot open the SQLite store at ${f.where} (--data, KELISIM_DATA): ${f.cause}`,
      'postgres-open': `cannot use PostgreSQL at ${f.where} (DATABASE_URL): ${f.cause}`,
      'postgres-empty': `the database at ${f.where} (DATABASE_URL) holds no consent records: check DATABASE_URL`,
    })[f.code],
    noOrigin: "no site is allowed to post: pass --origin https://your-site.kz (or KELISIM_ORIGINS); --origin '*' accepts any site, for development only",
    findNeedsId: 'find needs a consent id: kelisim-receiver find <consent-id>',
    textsUsage: 'usage: kelisim-receiver texts add <site-config.json>',
    notJson: (file, message) => `${file} could not be read as JSON: ${message}`,
    unknownCommand: (command) => `unknown command ${command}; see kelisim-receiver --help`,
    unknownOption: (option) => `unknown option ${option}; see kelisim-receiver --help`,
    needsValue: (option) => `${option} needs a value`,
    takesNoValue: (option) => `${option} takes no value`,
    wholeNumber: (option, min, max, got) => `${option} must be a whole number from ${min} to ${max}, got ${got}`,
    oneOf: (option, allowed, got) => `${option} must be ${either('or')(allowed)}, got ${got}`,
    notPostgresUrl: 'DATABASE_URL is not a PostgreSQL URL: write it as postgres://user:password@host:5432/database',
    badOrigin: (what, fault) => fault == 'not-url'
      ? `${what} is not a URL; write it as https://example.kz`
      : `${what} must be a bare origin such as https://example.kz (http or https, no path, query or user)`,
    notDate: (name, got) => `${name} must be a date (2026-01-31) or an ISO 8601 date-time (2026-01-31T18:00, UTC unless an offset follows), got ${got}`,
    notDay: (name, day) => `${name}: ${day} is not a day of the calendar`,
    notTime: (name, value) => `${name}: ${value} is not a time of day`,
  },
};
