import type { CheckParams, CheckWords } from '../../machines/checkPhrases.js'
import { PHASE_NAMES_RU } from '../../machines/phaseNames.ru.js'
import { type Phrase, renderPhrase } from '../../machines/refusalMessages.js'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
import { DAY_MS } from '../domain/timeUnits.js'
import { RUSSIAN_ACTION_WORDS as act } from '../script/actionWords.ru.js'
import { russianPlural } from '../script/russianPlural.js'

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

/** A scope kind as an adjective, by case: «федеральную» (accusative), «федеральной» (genitive), «федеральная». */
const KINDS: Record<string, { acc: string; gen: string; nom: string }> = {
  federal: { acc: 'федеральную', gen: 'федеральной', nom: 'федеральная' },
  regional: { acc: 'региональную', gen: 'региональной', nom: 'региональная' },
  export: { acc: 'экспортную', gen: 'экспортной', nom: 'экспортная' },
}
const kind = (id: string, form: 'acc' | 'gen' | 'nom') => KINDS[id]?.[form] ?? `«${id}»`
/** A scope kind as an adjective in the nominative: «федеральная». */
export const scopeKindRu = (id: string) => kind(id, 'nom')
/** The roles a body answers as, in the accusative plural: «не включает губернаторов». */
const ROLES_ACC: Record<string, string> = {
  governor: 'губернаторов',
  ministry: 'министерства',
  agency: 'агентства',
}
const decisionWord = (decision: 'approve' | 'refuse') => (decision === 'approve' ? 'одобрение' : 'отказ')
/** «принято» for an approval, «принят» for a refusal. */
const agreed = (decision: 'approve' | 'refuse', stem: string) => `${stem}${decision === 'approve' ? 'о' : ''}`
const answerWord = (accept: boolean) => (accept ? 'согласие' : 'отказ')
const trackWord = (track: string) => (track === 'null' ? 'нет' : `«${track}»`)
/** The machine's refusal reasons in Russian («отказ» when it gives none). */
const refusals = (reasons: readonly Phrase[]) =>
  reasons.map((r) => renderPhrase(r, REFUSAL_MESSAGES_RU)).join('; ') || 'отказ'
/** «200 000»: a count in Russian digits grouping. */
const count = (n: number) => n.toLocaleString('ru')
const expandedOf = (expanded: number, states: number) =>
  `раскрыто ${count(expanded)} из ${count(states)} найденных состояний`
const MORE_MEMORY =
  'дайте поиску больше памяти (--max-memory <МБ>, `maxHeapBytes` в API; по умолчанию 85 % кучи, её поднимает `node --max-old-space-size=<MB>`) или уменьшите политику'

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
  'tk2.counted': ({ kind: who, id, first, second, revision }) =>
    `${who === 'principal' ? `участник «${id}» засчитан` : `ведомство «${id}» засчитано`} и для ключа «${first.key}» (через «${first.by}» за место «${first.seat}»), и для ключа «${second.key}» (через «${second.by}» за место «${second.seat}») на редакции ${revision}`,
  'tk5.namedOther': ({ decision, key, by, named, namedHash, current, currentHash }) =>
    `${decisionWord(decision)} «${by}» по ключу «${key}» ${agreed(decision, 'принят')} с указанием ${named === null ? `«${namedHash}» — это не редакция этой инициативы —` : `редакции ${named} (${namedHash})`}, хотя текущей была редакция ${current ?? '—'} (${currentHash})`,
  'tk6.decision': ({ decision, key, problem }, say) =>
    `${decisionWord(decision)} по ключу «${key}» ${agreed(decision, 'записан')} без полномочий: ${say(problem)}`,
  'tk6.delegation': ({ key, holder, deputy, problem }, say) =>
    `записано замещение по ключу «${key}» от «${holder}» к «${deputy}», которого политика не допускает: ${say(problem)}`,
  'tk6.unknownKey': ({ key }) => `ключа «${key}» нет в политике`,
  'tk6.noDeputies': ({ key }) => `ключ «${key}» не допускает заместителей`,
  'tk6.notHolder': ({ holder, key }) => `«${holder}» не держит ключ «${key}»`,
  'tk6.emptyWindow': ({ from, until }) => `срок ${from} → ${until} пуст`,
  'tk6.tooLong': ({ days: length, maxDays }) =>
    `срок в ${length.replace('.', ',')} дн. длиннее допустимых ${maxDays} дн.`,
  'tk6.notEligible': ({ deputy, key }) => `«${deputy}» не может быть заместителем по ключу «${key}»`,
  'tk6.notHolding': ({ by, key, holders, why, at }) =>
    `«${by}» не держит ключ «${key}» (держатели: ${quoted(holders)}), ${
      why === 'noDeputies'
        ? 'а ключ не допускает заместителей'
        : why === 'notEligible'
          ? 'и не может быть его заместителем'
          : `и ни одно допустимое замещение, записанное раньше, не покрывает ${at}`
    }`,
  'tk7.approvedStale': ({ at, key, lifetime, fresh, quorum }) =>
    `одобрена ${at}, хотя ключ «${key}» засчитал одобрения старше ${lifetime} дн.: свежих только ${fresh} из ${quorum}`,
  'tk7.stillTurned': ({ key, at, fresh, quorum, lifetime }) =>
    `ключ «${key}» всё ещё показан повёрнутым на ${at}, хотя моложе ${lifetime} дн. только ${fresh} из ${quorum} одобрений`,
  'tk9.wrongTrack': ({ track, expected, objective, scope }) =>
    `инициатива пошла по треку «${track}», а её правила маршрутизации дают «${expected}» для цели «${objective}» и охвата «${scope}»`,
  'tk9.stageTrack': ({ stage, track }) => `инициатива в ${stateName(stage)}, но её трек «${track}»`,
  'tk9.unfriendly': ({ destinations }) =>
    `экспорт идёт в ${quoted(destinations)}, а этих стран нет в списке дружественных`,
  'tk9.unanswered': ({ track, waiting }) =>
    `внедрение по треку «${track}» завершено без ответа от ${quoted(waiting)}`,
  'tk9.outOfRollout': ({ target, stage, track }) =>
    `«${target}» ответил, когда инициатива была в ${stateName(stage)}, а не на внедрении по треку «${track}»`,
  'tk9.notTarget': ({ target, track, targets }) =>
    `«${target}» ответил, но внедрение по треку «${track}» охватывает только ${quoted(targets)}`,
  'tk9.twice': ({ target, first, second }) =>
    `«${target}» ответил дважды (${answerWord(first)} → ${answerWord(second)})`,
  'tk9.notRegion': ({ target, by }) =>
    `за «${target}» ответил «${by}» командой RESPOND, но это не регион политики: за регион отвечает только его губернатор`,
  'tk9.notGovernor': ({ region, by, governor }) =>
    `за регион «${region}» ответил «${by}» командой RESPOND; отвечать за него может только его губернатор «${governor}»`,
  'tk9.notMinistry': ({ ministry, by }) =>
    `за министерство «${ministry}» ответил «${by}» командой MINISTRY; отвечать может только само министерство`,
  'tk9.notAgency': ({ destination, by }) =>
    `страну назначения «${destination}» зафиксировал «${by}» командой DESTINATION, а это не агентство политики`,
  'tk9.notSponsor': ({ destination, by, sponsor }) =>
    `страну назначения «${destination}» зафиксировал «${by}» командой DESTINATION, а не инициатор «${sponsor}»`,
  'tk11.orders': ({ first, second, firstValue, firstTrack, secondValue, secondTrack }) =>
    `одобрения в порядке [${first.join(', ')}] приводят в ${stateName(firstValue)} (трек: ${trackWord(firstTrack)}), а в порядке [${second.join(', ')}] — в ${stateName(secondValue)} (трек: ${trackWord(secondTrack)})`,
  'tk12.differs': ({ events, at }) =>
    `свёртка принятых событий (${events}) не воспроизводит снимок: они расходятся в «${at}»`,
  'tk13.outOfReach': ({ by, role, reach }) =>
    `«${by}» ответил как ${ROLES[role] ?? role}, но ни один ключ, одобривший инициативу, не включает ${ROLES_ACC[role] ?? role} (их охват: ${reach.length === 0 ? 'пуст' : reach.map((r) => ROLES[r] ?? r).join(', ')})`,
  'tk13.notRole': ({ by, role }) =>
    `«${by}» ответил как ${ROLES[role] ?? role}, но по политике у него нет такой роли`,
  'hole.neverProposed': ({ branch }) => `${kind(branch, 'acc')} инициативу никогда нельзя внести`,
  'hole.refused': ({ reasons }) => `машина её отклоняет: ${refusals(reasons)}`,
  'hole.neverApproved': ({ proposer, branches }) =>
    `ни одну инициативу (${branches.map((b) => kind(b, 'acc')).join(', ')}), которую вносит ${proposer}, никогда нельзя одобрить`,
  'hole.asFarAsItGets': () =>
    'дальше она не продвигается: никакая последовательность команд отсюда её не одобряет',
  'hole.cannotApprove': ({ by, key, reasons }) =>
    `${by} не может одобрить по ключу ${key}: ${refusals(reasons)}`,
  'reroute.title': ({ field, before, after }) =>
    `${
      field === 'scope'
        ? `инициативу, одобренную как ${kind(before, 'acc')}, можно исправить на ${kind(after, 'acc')}`
        : `инициативе, одобренной с целью «${before}», можно поменять цель на «${after}»`
    } с сохранением одобрений (amendments.substantive не включает «${field}»)`,
  'reroute.routed': ({ track, approvals, field, rule, scope, objective }) =>
    `направлена на трек «${track}» по ${approvals.length === 1 ? 'одобрению' : 'одобрениям'} ${approvals.map((d) => `${d.by} по ключу ${d.key}`).join(' и ')}, ${approvals.length === 1 ? 'данному' : 'данным'} ${
      field === 'scope' ? `${kind(scope, 'gen')} инициативе` : `инициативе с целью «${objective}»`
    }: amendments.substantive не включает «${field}», хотя routing[${rule}] его читает; добавьте «${field}» в amendments.substantive`,
  'reroute.note': ({ field, why }, say) =>
    `amendments.substantive не включает «${field}», хотя routing его читает, но ${say(why)}`,
  'reroute.neverPartly': ({ scope }) =>
    `ни одна достижимая ${kind(scope, 'nom')} инициатива никогда не бывает одобрена частично`,
  'reroute.noContent': () => 'у обхода нет содержания, на которое её исправить',
  'reroute.amendRefused': () => 'машина отклоняет поправку',
  'reroute.newRevision': () => 'поправка создаёт новую редакцию',
  'reroute.notRouted': ({ track }) => `исправленная инициатива не направляется на трек «${track}»`,
  'partial.limit': ({ maxStates, expanded, states, defaultMax }) =>
    `обход остановлен на пределе --max-states (${count(maxStates)}): ${expandedOf(expanded, states)}; для вердикта поднимите --max-states (\`maxStates\` в API; по умолчанию ${count(defaultMax)})`,
  'partial.violation': ({ expanded, states }) =>
    `обход остановлен на первом нарушении (\`stopAtFirstViolation\`): ${expandedOf(expanded, states)}; для вердикта по каждому инварианту запустите без этого`,
  'partial.memory': ({ bytes, expanded, states }) =>
    `обход остановлен на пределе памяти ${count(Math.round(bytes / 2 ** 20))} МБ: ${expandedOf(expanded, states)}; для вердикта ${MORE_MEMORY}`,
  'partial.moreMemory': () => MORE_MEMORY,
}
