import type { CommandHelp } from './localizeHelp.js'
import { SHARED_HELP_RU as S } from './sharedHelp.ru.js'

/** The options every simulation shares (simulateCommand's addRunOptions). */
const RUN_OPTIONS_RU = {
  '--scenario': S.scenario,
  '--replications': S.replications,
  '--seed': S.seed,
  '--workers': S.workers,
  '--json': S.json,
  '--csv': 'вывести показатели в CSV',
  '--report': 'записать самодостаточный HTML-отчёт с графиками',
  '--max-states': S.maxStatesReach,
  '--whole-table': S.wholeTable,
}

/** The simulations in Russian: `twokeys simulate`, `compare` and `sweep`. */
export const SIMULATION_HELP_RU: Readonly<Record<'simulate' | 'compare' | 'sweep', CommandHelp>> = {
  simulate: {
    description:
      'смоделировать сценарий по политике: сроки, пропускная способность, очереди, с доверительными интервалами',
    arguments: { policy: S.policyFile },
    options: RUN_OPTIONS_RU,
  },
  compare: {
    description: 'смоделировать один сценарий по двум политикам на общих случайных числах; парные разности',
    arguments: { policyA: 'политика A (YAML или JSON)', policyB: 'политика B (YAML или JSON)' },
    options: RUN_OPTIONS_RU,
  },
  sweep: {
    description:
      'смоделировать сценарий по разу для каждого значения одного параметра (общие случайные числа); по строке на значение',
    arguments: { policy: S.policyFile },
    options: {
      '--scenario': S.scenario,
      '--vary':
        'параметр и значения: `reviewers.principals.oreshkin.reviewDays.mean=5..40:5` или `…=5,10,20`',
      '--replications': 'число независимых повторов на каждое значение',
      '--seed': 'начальное значение генератора случайных чисел (одно и то же для всех значений)',
      '--workers': S.workers,
      '--json': S.json,
      '--csv': 'вывести по строке CSV на каждое значение',
      '--max-states': S.maxStatesReach,
      '--whole-table': S.wholeTable,
    },
  },
}
