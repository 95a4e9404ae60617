import type { CheckParams, CheckWords } from '../../machines/checkPhrases.js'
import { PHASE_NAMES_RU } from '../../machines/phaseNames.ru.js'
import { RUSSIAN_ACTION_WORDS as act } from '../script/actionWords.ru.js'
import { russianPlural } from '../script/russianPlural.js'

const DAY_MS = 86_400_000

/** «день 14», «день 30 + 1 мс»: ms since the proposal as the explorer's clock reads, in Russian. */
export function russianDayWords(sinceProposal: number): string {
  const days = Math.floor(sinceProposal / DAY_MS)
  const rest = sinceProposal - days * DAY_MS
  if (rest === 0) return `день ${days}`
  const h = Math.floor(rest / 3_600_000)
  const m = Math.floor((rest % 3_600_000) / 60_000)
  const ms = rest % 60_000
  const parts = [
    h > 0 ? `${h} ч` : '',
    m > 0 ? `${m} мин` : '',
    ms > 0 ? (ms % 1000 === 0 ? `${ms / 1000} с` : `${ms} мс`) : '',
  ]
  return `день ${days} + ${parts.filter((p) => p !== '').join(' ')}`
}

const days = (n: number) => russianPlural(n, ['день', 'дня', 'дней'])
const quoted = (ids: readonly string[]) => ids.map((s) => `«${s}»`).join(', ')
const FIELDS: Record<string, string> = {
  title: 'название',
  summary: 'описание',
  objective: 'цель',
  scope: 'охват',
  budget: 'бюджет',
}
/** A state of the chart by its id, with its Russian name where it is a phase: «региональное внедрение (regionalRollout)». */
const stateName = (id: string) => {
  const bare = id.replace(/^"|"$/g, '')
  const name = (PHASE_NAMES_RU as Record<string, string>)[bare]
  return name === undefined ? `«${bare}»` : `«${name}» (${bare})`
}

const ROLES: Record<string, string> = {
  holder: 'держатель',
  deputy: 'заместитель',
  dual: 'участник двух ведомств',
  outsider: 'посторонний',
  governor: 'губернатор',
  ministry: 'министерство',
  member: 'член комиссии',
  agency: 'агентство',
}
const TICKS: Record<string, string> = {
  delegation: 'начинается или кончается ближайшее замещение',
  expiry: 'истекает самое раннее засчитанное одобрение',
  window: 'истекает срок рассмотрения (или пленарного заседания)',
}
const AMENDMENTS: Record<string, string> = {
  ...FIELDS,
  'invalid-scope': 'охват (на недопустимый политикой)',
  threshold: 'содержание через условие ключа (бюджет за порогом)',
}

/** A letter of the explorer's alphabet in Russian, from its facts; an unknown kind keeps its English label. */
function russianLetter({
  label,
  type,
  role,
  actor,
  key,
  variant,
  region,
  deputy,
}: CheckParams['letter']): string {
  const who = actor === null ? 'инициатор' : `${ROLES[role] ?? role} ${actor}`
  const k = key ?? '?'
  switch (type) {
    case 'PROPOSE':
      return `${actor ?? 'инициатор'} вносит инициативу ${variant.replace(/:invalid$/, '')}${variant.endsWith(':invalid') ? ' с недопустимым охватом' : ''}`
    case 'SUBMIT':
      return `${who} ${act.submit}`
    case 'WITHDRAW':
      return `${who} ${act.withdraw}`
    case 'COMPLETE':
      return `${who} ${act.complete}`
    case 'AMEND':
      return `${who} ${act.amend(AMENDMENTS[variant] ?? variant)}`
    case 'DECIDE':
      return `${who} ${act.decision(variant === 'refuse' ? 'refuse' : 'approve', k)}${variant === 'approve-stale' ? ' по редакции, которая уже не текущая' : ''}`
    case 'REVOKE':
      return `${who} ${act.revoke(k)}`
    case 'DELEGATE': {
      const whom =
        variant === 'to-sponsor' ? 'инициатора' : variant === 'to-outsider' ? 'постороннего' : (deputy ?? '?')
      const how =
        variant === 'valid'
          ? ' на самый долгий допустимый срок'
          : variant === 'too-long'
            ? ' на вдвое больший срок, чем допустимо'
            : variant.startsWith('to-dual:')
              ? ' (он из двух ведомств)'
              : ''
      return `${who} назначает ${whom} заместителем по ключу ${k}${how}`
    }
    case 'RESPOND':
      return `${who} ${act.respond(variant === 'accept', region ?? '?')}${label.endsWith(', which is not named') ? ', который не назван' : ''}`
    case 'MINISTRY':
      return `${who} ${variant === 'accept' ? 'принимает' : 'отклоняет'} федеральное внедрение`
    case 'PLENARY':
      return `${who} голосует на пленарном заседании за возврат`
    case 'DESTINATION':
      return label.includes('does not name')
        ? `${who} фиксирует дружественную страну, которую инициатива не называет`
        : `${who} фиксирует ${variant === 'agreed' ? 'согласие' : 'отказ'} страны назначения`
    case 'TICK':
      return `проходит время: ${TICKS[variant] ?? variant}`
    default:
      return label
  }
}

/**
 * What the checkers say, in Russian (`twokeys --lang ru verify`, and the steps of `query`, `diff`,
 * `power`): the same keys and parameters as `CHECK_WORDS`. Step actions use the script's Russian
 * (`RUSSIAN_ACTION_WORDS`, the page's too); ids, objectives and conditions stay as written.
 */
export const CHECK_WORDS_RU: CheckWords = {
  'step.propose': ({ by, scope }, say) => `${by} вносит ${say(scope)}`,
  'step.submit': ({ by }) => `${by} ${act.submit}`,
  'step.amend': ({ by, fields, scope, substantive }, say) =>
    `${by} ${act.amend(
      scope !== null
        ? `охват теперь ${say(scope)}`
        : fields.map((f) => FIELDS[f] ?? f).join(' и ') || 'содержание',
    )} (${substantive ? 'существенная' : 'несущественная'})`,
  'step.decide': ({ by, key, decision, stale }) =>
    `${by} ${act.decision(decision, key)}${stale ? ' по редакции, которая уже не текущая' : ''}`,
  'step.revoke': ({ by, key }) => `${by} ${act.revoke(key)}`,
  'step.delegate': ({ by, deputy, key, from, until, maxDays }) =>
    `${by} назначает ${deputy} заместителем по ключу ${key} с ${russianDayWords(from)} по ${russianDayWords(until)} (${days(Number(((until - from) / DAY_MS).toFixed(0)))}; политика допускает ${maxDays})`,
  'step.withdraw': ({ by }) => `${by} ${act.withdraw}`,
  'step.tick': ({ passed }, say) =>
    `проходит время${passed.length > 0 ? `: ${passed.map(say).join(', ')}` : ''}`,
  'step.respond': ({ by, accept, region }) => `${by} ${act.respond(accept, region)}`,
  'step.ministry': ({ by, accept, ministry }) => `${by} ${act.ministry(accept, ministry)}`,
  'step.plenary': ({ by }) => `${by} голосует на пленарном заседании за возврат инициатору`,
  'step.destination': ({ by, destination, agreed }) =>
    `${by} фиксирует ${agreed ? 'согласие' : 'отказ'} страны ${destination}`,
  'step.complete': ({ by }) => `${by} ${act.complete}`,
  'scope.federal': ({ objective }) => `федеральную инициативу (${objective})`,
  'scope.regional': ({ objective, regions }) =>
    `региональную инициативу (${objective}) для ${regions.join(' и ')}`,
  'scope.export': ({ objective, destinations }) =>
    `инициативу (${objective}) с экспортом в ${destinations.join(' и ')}`,
  'passes.window': () => 'срок рассмотрения истекает',
  'passes.plenary': () => 'пленарное заседание заканчивается',
  'passes.expiry': ({ by, key }) => `истекает одобрение ${by} по ключу ${key}`,
  'passes.delegationBegins': ({ deputy, key }) => `начинается замещение ${deputy} по ключу ${key}`,
  'passes.delegationEnds': ({ deputy, key }) => `кончается замещение ${deputy} по ключу ${key}`,
  'note.transitions': ({ transitions }) => `проверено на всех переходах (${transitions})`,
  'note.replayed': ({ states }) => `воспроизведены пути к состояниям (${states})`,
  'note.heldOnTransitions': ({ transitions }) =>
    `выполняется на пройденных переходах (${transitions}); остальное пространство не пройдено`,
  'note.heldOnStates': ({ states }) =>
    `выполняется на пройденных состояниях (${states}); остальное пространство не пройдено`,
  'note.deadEnds': ({ states }) => `обратный поиск от конечных состояний по всем состояниям (${states})`,
  'note.deadEndsPartial': ({ unexpanded }) =>
    `обратный поиск от конечных состояний; нераскрытые состояния (${unexpanded}) считаются способными завершиться`,
  'note.orders': ({ orders, starts, candidates }) =>
    `сравнено до ${orders} порядков ключей из ${starts} начал рассмотрения (всего ${candidates})`,
  'note.oneKey': () => 'в политике один ключ',
  'note.noVeto': () => 'ни у одного ключа нет вето',
  'note.neverExpire': () => 'одобрения не истекают',
  'note.noReach': () => 'ни один ключ не задаёт охват',
  'found.stuck': ({ state }) =>
    `инициатива застряла в ${stateName(state)}: отсюда недостижимо ни одно конечное состояние (завершена, отозвана, истекла)`,
  'found.takesNothing': () => 'она не принимает ни одной команды',
  'found.takesOnly': ({ letters, more }, say) =>
    `она принимает только: ${letters.map(say).join('; ')}${more ? '; …' : ''}`,
  'found.twoOrders': () => 'одни и те же одобрения в двух порядках приводят в разные состояния',
  'idle.expiryInReview': ({ lifetime, window, plenary }) =>
    `одобрения не могут истечь до конца рассмотрения — срок годности ${lifetime} дн. ≥ срок рассмотрения ${window} дн.${
      plenary !== null ? ` + пленарное заседание ${plenary} дн.` : ' (затем инициатива истекает)'
    }`,
  'idle.expiry': ({ lifetime }) =>
    `ни одно достижимое состояние не даёт одобрению пережить срок годности ${lifetime} дн., пока его редакция на рассмотрении`,
  'idle.deputies': ({ key, why }, say) =>
    `заместители по ключу «${key}» никогда не действуют: ни одно достижимое состояние не принимает их решения${why === null ? '' : ` (${say(why)})`}`,
  'idle.deputiesNoInstitution': ({ institution }) =>
    `кроме держателей, в ведомстве «${institution}» нет ни одного участника`,
  'idle.deputiesNoEligible': () => 'ни один из допустимых заместителей не участник, которого можно назначить',
  'idle.routeMatchesNothing': ({ rule, route }) =>
    `routing[${rule}] (${route}) никогда не выбирает трек — под него не подходит ни одна инициатива, которую допускает политика`,
  'idle.routeShadowed': ({ rule, route, first }) =>
    `routing[${rule}] (${route}) никогда не выбирает трек — ${first.map((r) => `routing[${r}]`).join(', ')} раньше забирает каждую подходящую инициативу (срабатывает первое совпадение)`,
  'idle.veto': ({ key, quorum, holders }) =>
    `вето ключа «${key}» ничего не меняет — при кворуме ${quorum} из ${holders} ${holders % 10 === 1 && holders % 100 !== 11 ? 'держателя' : 'держателей'} один отказ и так оставляет слишком мало держателей, чтобы повернуть ключ`,
  'idle.conditionNever': ({ key, condition }) =>
    `ключ «${key}» никогда не применяется — ни одна допустимая инициатива не удовлетворяет «${condition}», поэтому ключ снимается для всех`,
  'idle.conditionAlways': ({ key, condition }) =>
    `условие ключа «${key}» выполняется всегда — «${condition}» верно для любой допустимой инициативы, поэтому ключ применяется ко всем`,
  'idle.reach': ({ bodies }) =>
    `каждый орган, который отвечает на внедрение (${bodies.join(', ')}), включает ключ, применяемый к любой инициативе, поэтому ни один ответ не выходит за охват одобривших`,
  'warn.unreached': ({ states }) =>
    `ни один прогон не входит в ${states.length === 1 ? 'состояние' : 'состояния'} ${quoted(states)} диаграммы`,
  'warn.neverTaken': ({ command, letters }, say) =>
    `команда ${command} не принимается ни в одном достижимом состоянии, хотя политика её предусматривает: ${letters.map(say).join('; ')}`,
  letter: (l) => russianLetter(l),
  'tk1.noApprovalStep': ({ stage }) => `инициатива в ${stateName(stage)}, но шаг к одобрению не записан`,
  'tk1.amendedSince': ({ stage, current, hash, approved }) =>
    `инициатива в ${stateName(stage)} на редакции ${current} (${hash}), но одобрена была редакция ${approved}, и после этого внесена существенная поправка`,
  'tk1.notTurned': ({ revision, key, seats, quorum }) =>
    `редакция ${revision} одобрена, хотя ключ «${key}» не повёрнут: его одобрили ${seats} из ${quorum} необходимых держателей`,
  'tk1.shownWaived': ({ key, revision, condition }) =>
    `ключ «${key}» показан снятым на редакции ${revision}, хотя применяется к её содержанию (${condition})`,
  'tk1.shownTurned': ({ key, seats, quorum, revision }) =>
    `ключ «${key}» показан повёрнутым при ${seats} из ${quorum} необходимых одобрений текущей редакции ${revision}`,
  'tk3.sponsorApproved': ({ sponsor, key }) =>
    `инициатор «${sponsor}» одобрил ключ «${key}» своей инициативы`,
  'tk3.sponsorSeat': ({ by, key, sponsor }) =>
    `«${by}» одобрил ключ «${key}» за место инициатора «${sponsor}»`,
  'tk4.vetoed': ({ revision, hash, by, key }) =>
    `редакция ${revision} (${hash}) одобрена, хотя «${by}» отказал ей по ключу «${key}», у которого есть вето`,
  'tk5.amendedNotPending': ({ revision, key, state }) =>
    `поправка создала редакцию ${revision}, но ключ «${key}» в состоянии «${state}», а не начинает заново как ожидающий`,
  'tk8.turned': ({ event, decision, key, was, stage }) =>
    `${event}${decision === null ? '' : ` (${decision.decision === 'approve' ? 'одобрение' : 'отказ'} по «${decision.key}»)`} повернул ключ «${key}» (до того: ${was ?? `не на рассмотрении, а в ${stateName(stage)}`})`,
  'tk8.moved': ({ event, from, to }) =>
    `${event} перевёл инициативу из ${stateName(from)} в ${stateName(to)}; это может только одобрение`,
}
