import type { CommandHelp } from './localizeHelp.js'
import { SHARED_HELP_RU as S } from './sharedHelp.ru.js'

/** The servers in Russian: `twokeys serve`, `playground` and `classroom`. */
export const SERVING_HELP_RU: Readonly<Record<'serve' | 'playground' | 'classroom', CommandHelp>> = {
  serve: {
    description:
      'обслуживать движок по HTTP: на входе подписанные команды, на выходе квитанции; состояние, история, доказательства, OpenAPI, метрики',
    options: {
      '--policy': 'политика, по которой начинаются новые инициативы (`identity: signed`)',
      '--db': 'файл SQLite или адрес postgres:// (по умолчанию twokeys.db)',
      '--host': 'адрес, на котором слушать (по умолчанию 127.0.0.1)',
      '--port': 'порт; 0 — любой свободный (по умолчанию 8080)',
      '--config': 'файл настроек JSON или YAML (флаги важнее переменных `TWOKEYS_*`, а те важнее файла)',
      '--snapshot-key-file': 'ключ снимков движка (иначе TWOKEYS_SNAPSHOT_KEY)',
      '--log-level':
        '`fatal`, `error`, `warn`, `info`, `debug`, `trace`, `silent` (по умолчанию `info`); строки JSON в стандартный вывод',
      '--allow-unsigned':
        'обслуживать политику без `identity: signed`: тогда кто угодно может действовать за кого угодно',
      '--jwks-url': 'для чтения нужен токен JWT, проверяемый по этому JWKS',
      '--jwt-issuer': 'издатель, которого должен назвать токен для чтения',
      '--jwt-audience': 'получатель, которого должен назвать токен для чтения',
      '--tick-every':
        'так часто искать прошедшие сроки; записывает их один экземпляр за раз (по умолчанию 1000; 0 — выключено)',
      '--webhook-url':
        'сообщать этому адресу, чей ключ ожидается (можно повторять); доставки подписываются TWOKEYS_WEBHOOK_SECRET',
      '--log-key':
        'закрытый ключ журнала: публиковать контрольные точки по расписанию (`twokeys log key new`)',
      '--witnesses': 'с --log-key: просить этих свидетелей подписывать каждую контрольную точку',
      '--checkpoint-every': 'с --log-key: как часто публиковать (по умолчанию 60)',
    },
    after:
      '\nПримеры:\n  twokeys serve --policy policy.yaml --db twokeys.db --port 8080\n  twokeys serve --config serve.yaml\n  TWOKEYS_DB=postgres://twokeys@db/twokeys twokeys serve --policy policy.yaml --host 0.0.0.0\n\nЗапись — это `POST /commands` с командой, подписанной тем, кто действует; в политике должно быть `identity: signed`\n(если нет --allow-unsigned). SIGTERM или SIGINT: перестать принимать, закончить начатые запросы, закрыть хранилище, выйти с кодом 0.',
  },
  playground: {
    description:
      'открыть учебную площадку на этом компьютере: действуйте за каждого участника, попробуйте схитрить, посмотрите, почему процесс отказывает',
    options: { '--port': 'порт, на котором слушать (0 — любой свободный)', '--host': S.host },
    after:
      '\nПримеры:\n  twokeys playground\n  twokeys playground --port 8080 --host 0.0.0.0\n\nСтраница статическая: web/dist (собирается `npm run build:web`) можно выложить где угодно.\nКоды выхода: 0 остановлено по Ctrl-C, 2 неверный ввод (страница не собрана, порт занят).',
  },
  classroom: {
    description:
      'провести урок вживую: ученики входят с телефонов по коду, берут роли, подписывают свои действия в браузере; учитель двигает часы урока, вносит события и заканчивает разбором',
    options: {
      '--policy': 'политика урока (с `identity: signed`)',
      '--db':
        'файл SQLite первого урока (следующие — рядом с ним); по умолчанию новый файл во временной папке',
      '--port': 'порт, на котором слушать (0 — любой свободный)',
      '--host': 'адрес, на котором слушать (0.0.0.0 — для сети класса)',
    },
    after:
      '\nПримеры:\n  twokeys classroom\n  twokeys classroom --host 0.0.0.0 --db lesson.db\n\nКоды выхода: 0 остановлено по Ctrl-C, 2 неверный ввод (политика, страница не собрана, порт занят, файл сессии занят другим сервером класса).',
  },
}
