import type { Policy } from '../../policy/PolicySchema.js'

/** The words of `formatExactAnalysis`, in each language the CLI speaks. Ids, numbers and `--json` stay as they are. */
export interface ExactWords {
  heading(scenario: string, policy: string): string
  mix: string
  outcome: string
  probability: string
  approved: string
  lapsed: string
  refused: string
  withdrawn: string
  escalated: string
  daysToApproval: string
  moments(mean: string, median: string, p90: string): string
  byDay(day: number, all: string, approved: string): string
  noApproval: string
  lastKey: string
  /** A key's label as the policy gives it in this language. */
  key(id: string | null, label: string): string
  sensitivity: string
  sensitivityColumns: [string, string, string, string, string]
  days(value: string): string
  withoutDeadlines(sweeps: number, tolerance: string): string
  longRun(approved: string, refused: string, withdrawn: string, undecided: string, mean: string): string
  method(f: {
    states: string
    moves: string
    deadlines: string
    epsilon: string
    probabilityError: string
    meanError: string
    quantileTolerance: string
    step: string
  }): string
  assumed: string
  assumedLine(field: string, kind: string, meanDays: string): string
}

export const ENGLISH_EXACT_WORDS: ExactWords = {
  heading: (scenario, policy) =>
    `Exact analysis of "${scenario}" under policy "${policy}": one initiative, from its submission`,
  mix: "the scenario's kinds of initiative weighted as its mix says",
  outcome: 'outcome',
  probability: 'probability',
  approved: 'approved (every key turned)',
  lapsed: 'lapsed (the deadlines passed)',
  refused: 'refused, then withdrawn',
  withdrawn: 'withdrawn (amendments used up)',
  escalated: 'escalated to the plenary',
  daysToApproval: 'Days from submission to approval',
  moments: (mean, median, p90) => `mean ${mean} · median ${median} · p90 ${p90} (of the approved)`,
  byDay: (day, all, approved) => `approved by day ${day}: ${all} of all, ${approved} of the approved`,
  noApproval: 'nothing is ever approved',
  lastKey: 'Last key to turn (of the approved)',
  key: (_id, label) => label,
  sensitivity: "Sensitivity to each holder's review rate (rate = 1 / mean review days)",
  sensitivityColumns: ['holder', 'mean review', '∂P(approved)/∂rate', '∂mean/∂rate', '∂mean/∂review day'],
  days: (value) => `${value} days`,
  withoutDeadlines: (sweeps, tolerance) =>
    `Without deadlines (the window never closing; long run by Gauss–Seidel, ${sweeps} sweeps to ${tolerance}):`,
  longRun: (approved, refused, withdrawn, undecided, mean) =>
    `approved ${approved} · refused ${refused} · withdrawn ${withdrawn} · never decided ${undecided} · mean ${mean} days to approval`,
  method: (f) =>
    `Method: an absorbing continuous-time Markov chain of ${f.states} states and ${f.moves} moves on the compiled table, solved by uniformization between the fixed deadlines (days ${f.deadlines}), where the TICK fires. Truncation ε = ${f.epsilon} per segment: each probability is within ${f.probabilityError}, the mean within ${f.meanError} days; quantiles by bisection to ${f.quantileTolerance} days; sensitivities by central finite differences (relative step ${f.step}).`,
  assumed: 'Assumed exponential (same mean), as --assume-exponential asks:',
  assumedLine: (field, kind, mean) => `${field}: ${kind} → exponential, mean ${mean} days`,
}

export const RUSSIAN_EXACT_WORDS: ExactWords = {
  heading: (scenario, policy) =>
    `Точный расчёт сценария «${scenario}» по политике «${policy}»: одна инициатива с момента внесения`,
  mix: 'виды инициатив сценария взвешены по его смеси',
  outcome: 'исход',
  probability: 'вероятность',
  approved: 'одобрена (все ключи повёрнуты)',
  lapsed: 'истекла (сроки прошли)',
  refused: 'отказ, затем отзыв',
  withdrawn: 'отозвана (доработки исчерпаны)',
  escalated: 'вынесена на пленарное заседание',
  daysToApproval: 'Дней от внесения до одобрения',
  moments: (mean, median, p90) => `среднее ${mean} · медиана ${median} · p90 ${p90} (среди одобренных)`,
  byDay: (day, all, approved) => `одобрена к дню ${day}: ${all} всех, ${approved} одобренных`,
  noApproval: 'одобрения не бывает',
  lastKey: 'Последний повёрнутый ключ (среди одобренных)',
  key: (_id, label) => label,
  sensitivity:
    'Чувствительность к скорости рассмотрения каждого держателя (скорость = 1 / среднее число дней)',
  sensitivityColumns: [
    'держатель',
    'рассмотрение',
    '∂P(одобрена)/∂скорость',
    '∂среднее/∂скорость',
    '∂среднее/∂день',
  ],
  days: (value) => `${value} дн.`,
  withoutDeadlines: (sweeps, tolerance) =>
    `Без сроков (окно не закрывается; предельный расчёт методом Гаусса — Зейделя, ${sweeps} проходов до ${tolerance}):`,
  longRun: (approved, refused, withdrawn, undecided, mean) =>
    `одобрена ${approved} · отказ ${refused} · отозвана ${withdrawn} · не решена ${undecided} · в среднем ${mean} дн. до одобрения`,
  method: (f) =>
    `Метод: поглощающая марковская цепь с непрерывным временем, ${f.states} состояний и ${f.moves} переходов на скомпилированной таблице; решена униформизацией между фиксированными сроками (дни ${f.deadlines}), в которые срабатывает TICK. Усечение ε = ${f.epsilon} на отрезок: каждая вероятность точна до ${f.probabilityError}, среднее — до ${f.meanError} дн.; квантили бисекцией до ${f.quantileTolerance} дн.; чувствительности центральными разностями (относительный шаг ${f.step}).`,
  assumed: 'Принято экспоненциальным (с тем же средним) по --assume-exponential:',
  assumedLine: (field, kind, mean) => `\`${field}\`: \`${kind}\` → экспоненциальное, среднее ${mean} дн.`,
}

/**
 * The Russian words with the policy's own Russian key labels (`translations.ru.keys`), where it
 * gives them.
 *
 * @example
 * formatExactAnalysis(result, russianExactWords(policy))
 */
export function russianExactWords(policy: Policy): ExactWords {
  const labels = policy.translations?.ru?.keys ?? {}
  return {
    ...RUSSIAN_EXACT_WORDS,
    key: (id, label) => (id === null ? 'ни один ключ не повёрнут на шаге одобрения' : (labels[id] ?? label)),
  }
}
