import type { MemberRole, PowerMember } from './PowerResult.js'

/** The words of the power table, in each language the CLI speaks. Ids, fractions and `--json` stay as they are. */
export interface PowerWords {
  heading(policy: string, title: string): string
  bug(name: string): string
  game: string
  kind(objective: string, track: string | null, keys: string, sponsor: string): string
  sameAs(kind: string): string
  winning(count: number, fewest: number | null): string
  nobody: string
  emptyCoalition: string
  forInstance(coalition: string): string
  starred: string
  holdersGame: string
  member(member: PowerMember): string
  veto(ids: string): string
  noVeto: string
  blocking(sets: string): string
  powerless(ids: string): string
  indicesHeader: [string, string, string, string, string]
  yes: string
  no: string
  undefinedShare: string
  method(method: 'graph' | 'levels', explorations: number): string
  seconds(s: number): string
}

const ROLE_EN: Record<MemberRole, string> = {
  holder: 'holder of',
  deputy: 'deputy for',
  sponsor: 'the sponsor',
  member: 'commission member',
  governor: 'governor',
  ministry: 'ministry',
  agency: 'agency',
  dual: 'of two institutions',
  outsider: 'no part in the initiative',
}

const ROLE_RU: Record<MemberRole, string> = {
  holder: 'держатель ключа',
  deputy: 'заместитель по ключу',
  sponsor: 'инициатор',
  member: 'член комиссии',
  governor: 'губернатор',
  ministry: 'министерство',
  agency: 'ведомство',
  dual: 'двух ведомств',
  outsider: 'не участвует в инициативе',
}

const fmtDay = (d: number) => `${d}`

export const ENGLISH_POWER_WORDS: PowerWords = {
  heading: (policy, title) => `Power under "${policy}" — ${title}`,
  bug: (name) => `on the deliberately broken machine "${name}"`,
  game: 'A coalition wins a kind of initiative when the machine approves it with only the coalition acting (besides the sponsor proposing and submitting it, the delegations holders may give, and time passing).',
  kind: (objective, track, keys, sponsor) =>
    `objective ${objective} → ${track === null ? 'no track' : `track ${track}`}; keys ${keys}; sponsor ${sponsor}`,
  sameAs: (kind) => `the same coalitions and indices as ${kind}`,
  winning: (count, fewest) =>
    fewest === null
      ? 'no coalition gets it approved'
      : `minimal winning coalitions: ${count}; fewest accounts an attacker must control: ${fewest}`,
  nobody: 'no one: not even everyone together gets it approved',
  emptyCoalition: 'no one: the sponsor, the standing delegations and time alone get it approved',
  forInstance: (coalition) => `for instance ${coalition}; all of them:`,
  starred: '* a deputy, acting inside the delegation window its holder gave',
  holdersGame: "the key holders' game (a deputy's commands count for its holder; no one else acts):",
  member: (m) => {
    const part = m.keys.length > 0 ? `${ROLE_EN[m.role]} ${m.keys.join(', ')}` : ROLE_EN[m.role]
    const window =
      m.window === null
        ? ''
        : `, inside the delegation window ${m.window.holder} gave, days ${fmtDay(m.window.fromDay)}–${fmtDay(m.window.untilDay)}`
    return `${m.id} (${part}${window})`
  },
  veto: (ids) => `veto players (in every minimal winning coalition): ${ids}`,
  noVeto: 'veto players: none (no account is in every minimal winning coalition)',
  blocking: (sets) => `minimal blocking coalitions: ${sets}`,
  powerless: (ids) => `never make the difference: ${ids}`,
  indicesHeader: ['key holder', 'veto', 'swings', 'Banzhaf', 'Shapley–Shubik'],
  yes: 'yes',
  no: 'no',
  undefinedShare: '—',
  method: (method, n) =>
    method === 'graph'
      ? `found on the graph where everyone acts; each checked by the machine (${n} restricted plays)`
      : `found coalition by coalition, by growing sizes; each checked by the machine (${n} restricted plays)`,
  seconds: (s) => `${s.toFixed(1)} s`,
}

export const RUSSIAN_POWER_WORDS: PowerWords = {
  heading: (policy, title) => `Власть по политике «${policy}» — ${title}`,
  bug: (name) => `на намеренно сломанной машине «${name}»`,
  game: 'Коалиция выигрывает вид инициатив, если машина одобряет инициативу, когда действуют только члены коалиции (кроме того, что инициатор её вносит и подаёт, держатели могут назначать заместителей, а время идёт).',
  kind: (objective, track, keys, sponsor) =>
    `цель ${objective} → ${track === null ? 'без трека' : `трек ${track}`}; ключи ${keys}; инициатор ${sponsor}`,
  sameAs: (kind) => `те же коалиции и индексы, что у ${kind}`,
  winning: (count, fewest) =>
    fewest === null
      ? 'ни одна коалиция не добивается одобрения'
      : `минимальных выигрывающих коалиций: ${count}; меньше всего учётных записей, которыми должен завладеть злоумышленник: ${fewest}`,
  nobody: 'никто: даже все вместе не добиваются одобрения',
  emptyCoalition: 'никто: одобрения добиваются инициатор, постоянные полномочия заместителей и время',
  forInstance: (coalition) => `например, ${coalition}; все коалиции:`,
  starred: '* заместитель, действующий в окне полномочий, которое дал держатель ключа',
  holdersGame:
    'игра держателей ключей (действия заместителя засчитываются его держателю; больше никто не действует):',
  member: (m) => {
    const part = m.keys.length > 0 ? `${ROLE_RU[m.role]} ${m.keys.join(', ')}` : ROLE_RU[m.role]
    const window =
      m.window === null
        ? ''
        : `, в окне полномочий от ${m.window.holder}, дни ${fmtDay(m.window.fromDay)}–${fmtDay(m.window.untilDay)}`
    return `${m.id} (${part}${window})`
  },
  veto: (ids) => `игроки с правом вето (в каждой минимальной выигрывающей коалиции): ${ids}`,
  noVeto:
    'игроков с правом вето нет (ни одна учётная запись не входит в каждую минимальную выигрывающую коалицию)',
  blocking: (sets) => `минимальные блокирующие коалиции: ${sets}`,
  powerless: (ids) => `никогда ничего не решают: ${ids}`,
  indicesHeader: ['держатель ключа', 'вето', 'решающих голосов', 'Банцаф', 'Шепли–Шубик'],
  yes: 'да',
  no: 'нет',
  undefinedShare: '—',
  method: (method, n) =>
    method === 'graph'
      ? `найдены по графу, где действуют все; каждая проверена машиной (ограниченных прогонов: ${n})`
      : `найдены перебором коалиций по размеру; каждая проверена машиной (ограниченных прогонов: ${n})`,
  seconds: (s) => `${s.toFixed(1)} с`,
}
