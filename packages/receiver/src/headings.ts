/**
 * The CSV export's header row and its words, in the languages an operator and a regulator read.
 * Each heading says what the column holds, so the file explains itself when opened in Excel.
 */
export type Lang = 'ru' | 'kk' | 'en';
export const LANGS: Lang[] = ['ru', 'kk', 'en'];

export interface Headings {
  columns: string[];
  unknown: string;
  registered: string;
  /** Texts registered under the hash that no longer match it. */
  altered: string;
  /** In place of a list the database no longer reads back. */
  unreadable: string;
}

export const HEADINGS: Record<Lang, Headings> = {
  ru: {
    columns: [
      'Идентификатор согласия (его видит посетитель)', 'Действие (choice — выбор, withdrawal — отзыв, reset — сброс)',
      'Время на устройстве посетителя (ISO 8601)', 'Время получения сервером (UTC)', 'Сайт', 'Страница',
      'Разрешённые категории', 'Отклонённые категории', 'Редакция политики конфиденциальности', 'Язык показа',
      'Хеш показанных текстов', 'Показанные тексты (зарегистрированная конфигурация)', 'Браузер (user agent)',
      'IP-адрес (как настроено: полностью, сокращённо или не хранится)', 'Позиция в цепочке сайта', 'Хеш строки (цепочка SHA-256)',
    ],
    unknown: 'НЕИЗВЕСТНО: тексты с этим хешем не зарегистрированы',
    registered: 'зарегистрировано',
    altered: 'ИЗМЕНЕНО: тексты под этим хешем правили в базе данных после регистрации, они с ним не сходятся',
    unreadable: 'НЕ ЧИТАЕТСЯ: значение изменено в базе данных, проверьте цепочку командой verify',
  },
  kk: {
    columns: [
      'Келісім идентификаторы (оны келуші көреді)', 'Әрекет (choice — таңдау, withdrawal — кері қайтарып алу, reset — қалпына келтіру)',
      'Келуші құрылғысындағы уақыт (ISO 8601)', 'Серверге келген уақыты (UTC)', 'Сайт', 'Бет',
      'Рұқсат етілген санаттар', 'Бас тартылған санаттар', 'Құпиялылық саясатының редакциясы', 'Көрсетілген тіл',
      'Көрсетілген мәтіндердің хеші', 'Көрсетілген мәтіндер (тіркелген конфигурация)', 'Браузер (user agent)',
      'IP мекенжайы (баптау бойынша: толық, қысқартылған не сақталмайды)', 'Сайт тізбегіндегі орны', 'Жол хеші (SHA-256 тізбегі)',
    ],
    unknown: 'БЕЛГІСІЗ: бұл хештің мәтіндері тіркелмеген',
    registered: 'тіркелген',
    altered: 'ӨЗГЕРТІЛГЕН: бұл хештің мәтіндері тіркелгеннен кейін дерекқорда түзетілген, хешке сәйкес келмейді',
    unreadable: 'ОҚЫЛМАЙДЫ: мәні дерекқорда өзгертілген, тізбекті verify командасымен тексеріңіз',
  },
  en: {
    columns: [
      'Consent id (shown to the visitor)', 'Action (choice, withdrawal or reset)',
      "Time on the visitor's device (ISO 8601)", 'Time received by the store (UTC)', 'Site (origin)', 'Page path',
      'Categories granted', 'Categories denied', 'Privacy policy revision', 'Language shown',
      'Hash of the texts shown', 'Texts shown (registered config)', 'Browser (user agent)',
      'IP address (as configured: full, truncated or none)', 'Position in the site chain', 'Row hash (SHA-256 chain)',
    ],
    unknown: 'UNKNOWN: no texts registered for this hash',
    registered: 'registered',
    altered: 'ALTERED: the texts registered under this hash were edited in the database and no longer match it',
    unreadable: 'UNREADABLE: the value was altered in the database; check the chain with verify',
  },
};
