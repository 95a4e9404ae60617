import {
  type Estimate,
  INTERVAL_METHOD,
  type Policy,
  QUANTILE_METHOD,
  russianPlural,
  type SimulationWords,
  type SweepWords,
} from '../index.js'

/** «оба ключа повёрнуты», said for the policy's number of keys (`keysTurned` in English). */
function keysTurnedRu(keys: number | undefined): string {
  if (keys === 1) return 'ключ повёрнут'
  if (keys === 2) return 'оба ключа повёрнуты'
  return keys === undefined
    ? 'все ключи повёрнуты'
    : `все ${russianPlural(keys, ['ключ', 'ключа', 'ключей'])} повёрнуты`
}

const FIXED: Record<string, string> = {
  arrivals: 'подано инициатив после прогрева',
  approvedPer30: 'пропускная способность: одобрено за 30 дней',
  completedPer30: 'пропускная способность: завершено за 30 дней',
  'wip.mean': 'в работе (среднее по времени)',
  approvalRate: 'одобрено',
  refusalRate: 'хотя бы раз отказал ключ с правом вето',
  amendmentRate: 'хотя бы одна поправка (цикл доработки)',
  amendmentsPerInitiative: 'поправок на инициативу',
  escalationRate: 'передано на пленарное заседание',
  lapseRate: 'истекло',
  withdrawalRate: 'отозвано',
  slaApprovalBreach: 'нарушение SLA: не одобрено в срок',
  slaCompletionBreach: 'нарушение SLA: не завершено в срок',
}

/**
 * A metric's label in Russian, as `describeMetric` words it in English: ids (keys, principals)
 * and the quantile (p50) stay.
 *
 * @example
 * russianMetric('approvalDays.p50', 2) // 'подача → оба ключа повёрнуты и направлена (p50)'
 */
export function russianMetric(name: string, keys: number | undefined): string {
  const [head, part] = name.split('.') as [string, string | undefined]
  const tail = part === 'mean' ? 'среднее' : part
  if (head === 'approvalDays' && tail !== undefined)
    return `подача → ${keysTurnedRu(keys)} и направлена (${tail})`
  if (head === 'completionDays' && tail !== undefined) return `подача → внедрение завершено (${tail})`
  const fixed = FIXED[name]
  if (fixed !== undefined) return fixed
  if (head === 'lastKey') return `последним повёрнут ключ: ${tail}`
  if (head === 'utilisation') return `загрузка ${tail}`
  if (head === 'queue') return `очередь к ${tail} (среднее по времени)`
  return name
}

const METHODS_RU: Record<string, string> = {
  [INTERVAL_METHOD]:
    '95% Уилсона для долей инициатив (по счётам, объединённым по прогонам, с учётом эффекта плана); 95% Стьюдента по прогонам для остального, в пределах области значений метрики (загрузка — в [0, 1], времена и счёты — от 0)',
  [QUANTILE_METHOD]:
    'p50/p90/p99 в каждом прогоне потоковой оценкой P² (5 маркеров на квантиль, память O(1)); интервалы — по прогонам',
}

/** A method's description in Russian when it is one the simulator states; else as the result says it. */
const methodRu = (method: string) => METHODS_RU[method] ?? method

/** A number with a decimal comma, as Russian writes it. */
const comma = (text: string) => text.replace('.', ',')

/**
 * The simulation and comparison tables in Russian (`twokeys --lang ru simulate|compare`); key
 * labels from the policies' own Russian translations (`translations.ru.keys`).
 */
export function russianSimulationWords(policies: readonly Policy[]): SimulationWords {
  const keyLabels = Object.assign({}, ...policies.map((p) => p.translations?.ru?.keys ?? {})) as Record<
    string,
    string
  >
  return {
    simulationOf: (scenario, policy) => `Моделирование «${scenario}» по политике «${policy}»`,
    run: (f) =>
      `${russianPlural(f.replications, ['прогон', 'прогона', 'прогонов'])} · зерно ${f.seed} · ${russianPlural(f.horizonDays, ['день', 'дня', 'дней'])} (прогрев ${f.warmupDays}) · ${russianPlural(f.initiatives, ['инициатива', 'инициативы', 'инициатив']).replace(/^\d+/, f.initiatives.toLocaleString('ru'))} · ${russianPlural(f.events, ['событие', 'события', 'событий']).replace(/^\d+/, f.events.toLocaleString('ru'))} · ${comma(f.seconds)} с`,
    columns: { metric: 'метрика', estimate: 'оценка [95% ДИ]', interval: 'интервал' },
    metric: russianMetric,
    method: (e: Estimate) => (e.method === 'wilson' ? 'Уилсона' : 'Стьюдента'),
    key: (id, label) => keyLabels[id] ?? label,
    bottleneck: 'Узкое место:',
    lastKey: (key, share) => `ключ «${key}» поворачивают последним в ${share} одобрений.`,
    intervals: (method) => `Интервалы: ${methodRu(method)}.`,
    quantiles: (method) => `Квантили: ${methodRu(method)}.`,
    comparisonOf: (scenario, a, b) => `Сравнение на «${scenario}»: A = «${a}», B = «${b}»`,
    comparisonRun: (replications, seed, paired) =>
      `по ${russianPlural(replications, ['прогону', 'прогона', 'прогонов'])} · зерно ${seed} · ${paired ? 'общие случайные числа (парные)' : 'независимые потоки'}`,
    difference: 'B − A [95% ДИ]',
    excludesZero: '* интервал не содержит 0',
    comparisonIntervals: (method) =>
      `A и B: ${methodRu(method)}. B − A: 95% Стьюдента по парным разностям между прогонами.`,
  }
}

/** A sweep's table in Russian (`twokeys --lang ru sweep`); key labels from the policy's translation. */
export function russianSweepWords(policy: Policy): SweepWords {
  const keys = russianSimulationWords([policy])
  return {
    sweepOf: (path, scenario, policyId) => `Перебор ${path} на «${scenario}» по политике «${policyId}»`,
    run: (replications, seed) =>
      `${russianPlural(replications, ['прогон', 'прогона', 'прогонов'])} на точку · зерно ${seed} · общие случайные числа во всех точках`,
    value: 'значение',
    column: (name, key) => {
      if (name === 'approvalDays.p50') return 'одобрение p50 (дни)'
      if (name === 'approvalDays.mean') return 'одобрение, среднее (дни)'
      if (name === 'approvedPer30') return 'одобрено / 30 дн.'
      if (name === 'lapseRate') return 'истекло'
      if (name.startsWith('utilisation.')) return `загрузка ${name.slice(12)}`
      const id = name.slice(8)
      return `последний: ${key === undefined ? id : keys.key(id, key)}`
    },
    intervals: keys.intervals,
  }
}
