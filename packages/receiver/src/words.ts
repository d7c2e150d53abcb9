import type { Lang } from './headings';
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
}

const list = (and: string) => (columns: string[]) => columns.join(and);

const ru = list(' и ');
const kk = list(' және ');
const en = list(' and ');

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
    shown: (where, language, revision, texts) => `    ${where}  язык ${language}  версия ${revision}  тексты ${texts}`,
    unknown: 'НЕИЗВЕСТНО',
    altered: 'ИЗМЕНЕНО',
    unreadable: 'НЕ ЧИТАЕТСЯ',
    unreadableNotice: (row) => `kelisim-receiver: запись ${row.site}, позиция ${row.position} (строка ${row.seq}) не читается: поле ${ru(row.unreadable!)} изменено в базе данных; проверьте цепочку командой kelisim-receiver verify`,
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
    shown: (where, language, revision, texts) => `    ${where}  тілі ${language}  нұсқасы ${revision}  мәтіндер ${texts}`,
    unknown: 'БЕЛГІСІЗ',
    altered: 'ӨЗГЕРТІЛГЕН',
    unreadable: 'ОҚЫЛМАЙДЫ',
    unreadableNotice: (row) => `kelisim-receiver: ${row.site} сайтының ${row.position}-позициядағы жазбасы (${row.seq}-жол) оқылмайды: ${kk(row.unreadable!)} өрісі дерекқорда өзгертілген; тізбекті kelisim-receiver verify командасымен тексеріңіз`,
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
  },
};
