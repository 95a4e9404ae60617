import type { CommandHelp } from './localizeHelp.js'
import { SHARED_HELP_RU as S } from './sharedHelp.ru.js'

/** The commands about one policy in Russian: `twokeys validate`, `verify` and `diagram`. */
export const POLICY_HELP_RU: Readonly<Record<'validate' | 'verify' | 'diagram', CommandHelp>> = {
  validate: {
    description: 'проверить файлы политик (YAML или JSON) и вывести их канонические хеши',
    arguments: { policy: 'файлы политик для проверки' },
    options: { '--json': 'вывести `[{ file, valid, hash?, issues }]` в JSON' },
  },
  verify: {
    description: 'обойти все достижимые состояния политики и доказать инварианты TK1–TK13',
    arguments: { policy: S.policyFileOrBug },
    options: {
      '--json': S.json,
      '--bug': 'запустить ошибку из каталога ("list" — перечислить их)',
      '--max-states':
        'обойти не больше стольких состояний (по умолчанию 200 000); остановка на пределе — провал',
      '--max-memory':
        'остановиться, когда обход займёт столько памяти (по умолчанию 85% предела кучи); остановка на пределе — провал',
      '--workers': 'потоков обхода, считая этот (по умолчанию 1 — только этот); результат тот же',
      '--no-shared-review':
        'обходить рассмотрение каждой инициативы отдельно (больше состояний, вердикты те же)',
    },
  },
  diagram: {
    description:
      'нарисовать диаграмму состояний политики: по параллельной области на ключ, каждое условие на своём переходе',
    arguments: { policy: S.policyFile },
    options: {
      '--format': 'язык диаграммы',
      '--out': 'записать диаграмму в этот файл, а не в стандартный вывод',
      '--json': 'вывести `{ policy, format, out | diagram }` в JSON',
    },
  },
}
