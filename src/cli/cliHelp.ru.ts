import { ANALYSIS_HELP_RU } from './analysisHelp.ru.js'
import { AUDIT_HELP_RU } from './auditHelp.ru.js'
import type { CommandHelp } from './localizeHelp.js'
import { OPERATOR_HELP_RU } from './operatorHelp.ru.js'
import { POLICY_HELP_RU } from './policyHelp.ru.js'
import { SERVING_HELP_RU } from './servingHelp.ru.js'
import { SIMULATION_HELP_RU } from './simulationHelp.ru.js'
import { STORY_HELP_RU } from './storyHelp.ru.js'
import { TRUST_HELP_RU } from './trustHelp.ru.js'

/** `twokeys --lang ru --help` and every command's: the program's words and each group's. */
export const CLI_HELP_RU: CommandHelp = {
  description:
    'Управление по двум ключам: политики как данные, одна диаграмма состояний, доказанные инварианты.',
  options: {
    '--version': 'вывести версию twokeys',
    '--lang': 'язык вывода: `en` или `ru` (по умолчанию — из LANG, например `ru_RU.UTF-8`)',
  },
  commands: {
    ...ANALYSIS_HELP_RU,
    audit: AUDIT_HELP_RU,
    ...OPERATOR_HELP_RU,
    ...POLICY_HELP_RU,
    ...SERVING_HELP_RU,
    ...SIMULATION_HELP_RU,
    ...STORY_HELP_RU,
    ...TRUST_HELP_RU,
  },
}
