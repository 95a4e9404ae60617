import type { CommandHelp } from './localizeHelp.js'
import { SHARED_HELP_RU as S } from './sharedHelp.ru.js'

/** `twokeys audit …` in Russian: the event log's checks, export, import and inclusion proofs. */
export const AUDIT_HELP_RU: CommandHelp = {
  description:
    'защищённый от подделки журнал событий: проверить его, выгрузить в JSON Lines, загрузить, доказать, что событие в нём есть',
  commands: {
    verify: {
      description:
        'доказать, что ни одно событие не изменено, не удалено, не вставлено и не переставлено и что правила, снимки, журнал безопасности и указатель команд согласованы; назвать первое расхождение',
      arguments: { file: 'выгруженный журнал (JSON Lines); или укажите --db' },
      options: {
        '--db': S.db,
        '--heads': 'головы из прежнего `verify --json`: заметить отрезанный или переписанный хвост',
        '--exact': 'с --heads: журнал должен кончаться ровно там (проверка выгрузки)',
        '--json': 'вывести результат в JSON для программ (с головами, которые стоит сохранить)',
        '--checkpoint':
          'подписанная свидетелями контрольная точка (`twokeys log checkpoint --out`): журнал должен содержать её в точности — так отрезанный или переписанный хвост виден и без сохранённых голов',
        '--witnesses':
          'с --checkpoint: строки "<institution> <witness vkey>" (и "log <log vkey>"); точку должен подписать свидетель каждого ведомства',
        '--policy':
          'с --witnesses: каждое ведомство, держащее ключ этой политики, должно быть в файле свидетелей',
        '--snapshot-key-file':
          'ключ снимков движка, чтобы проверить и печати снимков (или задайте TWOKEYS_SNAPSHOT_KEY)',
      },
      after:
        '\nПримеры:\n  twokeys audit verify --db twokeys.db\n  twokeys audit verify --db twokeys.db --snapshot-key-file /etc/twokeys/snapshot.key\n  twokeys audit verify audit.jsonl --heads heads.json --exact\n  twokeys audit verify --db twokeys.db --checkpoint cp.txt --witnesses witnesses.txt\n\nКоды выхода: 0 журнал в порядке, 1 журнал подделан (названо первое неверное место), 2 неверный ввод.',
    },
    export: {
      description:
        'выгрузить журнал событий в JSON Lines (по событию в строке), чтобы проверить или хранить в другом месте',
      options: { '--db': S.db, '--out': S.out },
      after:
        '\nПримеры:\n  twokeys audit export --db twokeys.db --out audit.jsonl\n  node examples/verify-audit-standalone.mjs audit.jsonl   # проверка без twokeys\n\nКоды выхода: 0 выгружено, 2 неверный ввод.',
    },
    import: {
      description: 'проверить выгруженный журнал и дописать события, которых в базе нет (можно повторять)',
      arguments: { file: 'выгруженный журнал (JSON Lines)' },
      options: {
        '--db': 'файл SQLite (создаётся, если его нет) или адрес postgres://',
        '--policy': 'файлы политик, к которым привязаны события; сохраняются вместе с ними',
      },
      after:
        '\nПример:\n  twokeys audit import audit.jsonl --db copy.db --policy machines/policies/two-keys.yaml\n\nКоды выхода: 0 загружено, 1 журнал подделан или нарушает правила своей политики (ничего не загружено), 2 неверный ввод (или в базе другой журнал).',
    },
    prove: {
      description:
        'вывести доказательство (c2sp.org/tlog-proof) того, что событие входит в последнюю подписанную свидетелями контрольную точку журнала; проверяется без сети по файлу свидетелей',
      arguments: { initiative: S.initiativeId, seq: 'номер события, 1 — первое' },
      options: {
        '--db': S.dbShort,
        '--out': 'записать доказательство в этот файл (назовите его `.tlog-proof`), а не в стандартный вывод',
      },
      after:
        '\nПример:\n  twokeys audit prove kazan-dc 4 --db twokeys.db --out kazan-dc-4.tlog-proof\n  node examples/verify-audit-standalone.mjs --proof kazan-dc-4.tlog-proof --witnesses witnesses.txt',
    },
  },
}
