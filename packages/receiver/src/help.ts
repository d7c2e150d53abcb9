import type { Lang } from './headings';

/** `--help` in the operator's language (`--lang`, Russian by default as every command's output). */
export const HELP: Record<Lang, string> = {
  ru: `kelisim-receiver — хранилище доказательств согласия для журнала Kelisim

Использование:
  kelisim-receiver [serve] --origin https://example.kz      принимать записи на 127.0.0.1:8090
  kelisim-receiver migrate                                  создать или обновить таблицы
  kelisim-receiver verify [--json]                          проверить все цепочки; код 1, если строка не сходится
  kelisim-receiver find <идентификатор> [--json]            все записи согласия, от старых к новым
  kelisim-receiver export --from 2026-01-01 --to 2026-03-31 [--format csv|ndjson] [--site URL] [--out файл]
  kelisim-receiver texts add <site-config.json> [--name метка]   зарегистрировать тексты, которые показывает сайт

Параметры (в скобках — переменная окружения):
  --port <n>             [PORT] по умолчанию 8090
  --host <адрес>         [HOST] по умолчанию 127.0.0.1
  --data <папка>         [KELISIM_DATA] папка файла SQLite, по умолчанию ./kelisim-data
  --origin <адрес>       [KELISIM_ORIGINS, через запятую] сайт, которому можно отправлять записи; можно повторять; '*' — любой (только для разработки)
  --ip full|truncated|none   [KELISIM_IP] как хранить IP-адрес посетителя, по умолчанию truncated (IPv4 /24, IPv6 /48)
  --retention-days <n>   [KELISIM_RETENTION_DAYS] удалять записи старше n дней (удаление записывается в цепочку)
  --rate-limit <n>       [KELISIM_RATE_LIMIT] записей в минуту с одного адреса, по умолчанию 60; 0 — без ограничения
  --trust-proxy <число|true|адреса>   [KELISIM_TRUST_PROXY] брать адрес посетителя из X-Forwarded-For
  --lang ru|kk|en        язык вывода verify, find, этой справки и заголовков export, по умолчанию ru
  [DATABASE_URL]         postgres://пользователь:пароль@хост/база — включает PostgreSQL
  [KELISIM_TOKEN]        ключ для чтения и выгрузки (Authorization: Bearer <ключ>)

Коды выхода: 0 — готово; 1 — verify нашла несходящуюся строку, хранилища нет или база не отвечает; 2 — неверные параметры.

Пример:
  KELISIM_TOKEN=secret kelisim-receiver --origin https://example.kz --retention-days 1095
`,
  kk: `kelisim-receiver — Kelisim журналындағы келісім дәлелдерінің қоймасы

Қолданылуы:
  kelisim-receiver [serve] --origin https://example.kz      жазбаларды 127.0.0.1:8090 мекенжайында қабылдау
  kelisim-receiver migrate                                  кестелерді жасау не жаңарту
  kelisim-receiver verify [--json]                          барлық тізбекті тексеру; жол сәйкес келмесе, коды 1
  kelisim-receiver find <идентификатор> [--json]            келісімнің барлық жазбасы, ескісінен жаңасына қарай
  kelisim-receiver export --from 2026-01-01 --to 2026-03-31 [--format csv|ndjson] [--site URL] [--out файл]
  kelisim-receiver texts add <site-config.json> [--name белгі]   сайт көрсететін мәтіндерді тіркеу

Параметрлер (жақшада — орта айнымалысы):
  --port <n>             [PORT] әдепкісі 8090
  --host <мекенжай>      [HOST] әдепкісі 127.0.0.1
  --data <қалта>         [KELISIM_DATA] SQLite файлының қалтасы, әдепкісі ./kelisim-data
  --origin <мекенжай>    [KELISIM_ORIGINS, үтір арқылы] жазба жіберуге рұқсат етілген сайт; қайталауға болады; '*' — кез келгені (тек әзірлеу үшін)
  --ip full|truncated|none   [KELISIM_IP] келушінің IP мекенжайы қалай сақталады, әдепкісі truncated (IPv4 /24, IPv6 /48)
  --retention-days <n>   [KELISIM_RETENTION_DAYS] n күннен ескі жазбаларды жою (жойылғаны тізбекке жазылады)
  --rate-limit <n>       [KELISIM_RATE_LIMIT] бір мекенжайдан минутына келетін жазба саны, әдепкісі 60; 0 — шектеусіз
  --trust-proxy <сан|true|мекенжайлар>   [KELISIM_TRUST_PROXY] келуші мекенжайын X-Forwarded-For тақырыбынан алу
  --lang ru|kk|en        verify, find шығысының, осы анықтаманың және export тақырыптарының тілі, әдепкісі ru
  [DATABASE_URL]         postgres://пайдаланушы:құпиясөз@хост/база — PostgreSQL-ді қосады
  [KELISIM_TOKEN]        оқу мен түсіру кілті (Authorization: Bearer <кілт>)

Шығу кодтары: 0 — дайын; 1 — verify сәйкес келмейтін жол тапты, қойма жоқ не дерекқор жауап бермейді; 2 — параметрлер қате.

Мысал:
  KELISIM_TOKEN=secret kelisim-receiver --origin https://example.kz --retention-days 1095
`,
  en: `kelisim-receiver: the proof store for Kelisim's consent log

Usage:
  kelisim-receiver [serve] --origin https://example.kz      serve on 127.0.0.1:8090
  kelisim-receiver migrate                                  create or update the tables
  kelisim-receiver verify [--json]                          walk every chain; exit 1 if a row does not fit
  kelisim-receiver find <consent-id> [--json]               every record of a consent id, oldest first
  kelisim-receiver export --from 2026-01-01 --to 2026-03-31 [--format csv|ndjson] [--site URL] [--out file]
  kelisim-receiver texts add <site-config.json> [--name label]   register the texts a site shows

Options (environment twin in brackets):
  --port <n>             [PORT] default 8090
  --host <address>       [HOST] default 127.0.0.1
  --data <dir>           [KELISIM_DATA] SQLite directory, default ./kelisim-data
  --origin <url>         [KELISIM_ORIGINS, comma-separated] allowed site; repeatable; '*' for any (development)
  --ip full|truncated|none   [KELISIM_IP] how the client address is kept, default truncated (IPv4 /24, IPv6 /48)
  --retention-days <n>   [KELISIM_RETENTION_DAYS] remove records older than n days (recorded in the chain)
  --rate-limit <n>       [KELISIM_RATE_LIMIT] posts per minute per address, default 60, 0 = off
  --trust-proxy <hops|true|addresses>   [KELISIM_TRUST_PROXY] take the client address from X-Forwarded-For
  --lang ru|kk|en        language of verify, find, this help and export's headings, default ru
  [DATABASE_URL]         postgres://user:password@host/db selects PostgreSQL
  [KELISIM_TOKEN]        the read/export token (Authorization: Bearer <token>)

Exit codes: 0 done, 1 verify found a bad row, or the store is missing or failed, 2 wrong usage.

Example:
  KELISIM_TOKEN=secret kelisim-receiver --origin https://example.kz --retention-days 1095
`,
};
