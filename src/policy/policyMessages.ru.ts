import { ID_RULE } from '../domain/IdSchema.js'
import { RECORD_ID_MESSAGES_RU } from '../domain/recordIdMessages.ru.js'
import type { DocumentKind } from './fileMessages.js'
import {
  DOCUMENT_FIELDS,
  type ItemKind,
  type Listed,
  type PolicyMessages,
  type PrincipalFix,
  type RouteWords,
  type Shown,
  type SyntaxAdvice,
  type TypeHint,
} from './policyMessages.js'

// Ids stay as they are, in «»; field names, paths and what to write go in backticks, as code;
// the author's own values keep their "" quotes.

const code = (text: string) => `\`${text}\``

/** Each kind of document: empty, and what it must be (the policy's words as they were). */
const DOCUMENT_RU: Record<DocumentKind, { empty: string; mustBe: string }> = {
  policy: {
    empty: 'политика пуста; напишите документ политики (начните с machines/policies/two-keys.yaml)',
    mustBe: 'политика должна быть',
  },
  scenario: {
    empty: 'сценарий моделирования пуст; напишите сценарий (начните с examples/scenarios/baseline.yaml)',
    mustBe: 'сценарий моделирования должен быть',
  },
  script: {
    empty: 'сценарий прогона пуст; напишите сценарий прогона (начните с examples/seed-walkthrough.yaml)',
    mustBe: 'сценарий прогона должен быть',
  },
}

const id = (text: string) => `«${text}»`

const shown = (v: Shown): string => {
  switch (v.kind) {
    case 'nothing':
      return 'ничего'
    case 'empty':
      return 'пустое значение'
    case 'text':
      return v.text
    case 'list':
      return `список из ${v.length}`
    case 'mapping':
      return 'набор полей'
    case 'number':
      return String(v.value)
    case 'boolean':
      return code(String(v.value))
    default:
      return code(v.text)
  }
}

const received = (v: Shown): string =>
  v.kind === 'text' ? `текст ${v.text}` : v.kind === 'number' ? `число ${v.value}` : shown(v)

const EXPECTED: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  boolean: '`true` или `false`',
  array: 'список',
  object: 'набор полей',
  null: 'пустое значение',
}
const expected = (type: string) => EXPECTED[type] ?? code(type)

/** What a list holds, by its field: one (accusative), and many (genitive plural). */
const ITEM: Record<string, [one: string, many: string]> = {
  principals: ['одного участника', 'участников'],
  keys: ['один ключ', 'ключей'],
  holders: ['одного держателя', 'держателей'],
  routing: ['одно правило маршрутизации', 'правил маршрутизации'],
  objectives: ['одну цель', 'целей'],
  objective: ['одну цель', 'целей'],
  scope: ['один вид охвата', 'видов охвата'],
  substantive: ['одно поле', 'полей'],
}

const hint = (h: TypeHint | null): string => {
  if (h === null) return ''
  switch (h.kind) {
    case 'unquote':
      return `; напишите ${code(h.value)} без кавычек`
    case 'wholeNumber':
      return `; укажите целое число, например ${h.example}`
    case 'trueOrFalse':
      return '; напишите `true` или `false`'
    case 'asList':
      return `; запишите списком, например ${code(`[${h.value}]`)}`
    case 'quote':
      return `; возьмите в кавычки: "${h.value}"`
    case 'giveValue':
      return '; задайте значение'
    default:
      return `; укажите его поля (${h.fields.map(code).join(', ')})`
  }
}

const listed = ({ ids, total }: Listed) =>
  total <= ids.length ? ids.join(', ') : `${ids.join(', ')}, … (всего ${total})`

const fixPrincipal = (fix: PrincipalFix) =>
  'near' in fix
    ? `возможно, имелся в виду «${fix.near}»?`
    : `добавьте его в ${code('principals')} или выберите одного из: ${listed(fix.known)}`

const inWhere = (where: string | null) => (where === null ? 'на верхнем уровне' : `в ${code(where)}`)

const KIND: Record<ItemKind, { of: string; each: string }> = {
  principal: { of: 'участника', each: 'каждому участнику' },
  key: { of: 'ключа', each: 'каждому ключу' },
  region: { of: 'региона', each: 'каждому региону' },
  objective: { of: 'цели', each: 'каждой цели' },
}
const KIND_NOT: Record<ItemKind, string> = {
  principal: 'не участник',
  key: 'не ключ',
  region: 'не регион',
  objective: 'не цель',
}

const SYNTAX_ADVICE_RU: Record<SyntaxAdvice, string> = {
  unique: 'поле встречается в одном наборе полей дважды; оставьте одно',
  colon: 'не пропущено ли двоеточие после имени поля (как в `quorum: 1`)?',
  tabs: 'делайте отступы пробелами, а не табуляцией',
  quote: 'закройте кавычку',
  commas: 'разделите элементы запятыми',
  brackets: 'закройте каждую открытую `[` и `{`',
  indent: 'проверьте отступы',
  documents: 'политика — это один документ; уберите строку `---` или разделите файл',
}

/** The id rule of the schema (`ID_RULE`) in Russian; another format's rule is zod's, quoted. */
const rule = (text: string) =>
  text === ID_RULE
    ? 'используйте строчные латинские буквы, цифры и дефисы, начиная с буквы или цифры'
    : `«${text}»`

const route = (r: RouteWords) => {
  const when = [
    r.when.objective === undefined ? '' : `цель ${r.when.objective.map(id).join('/')}`,
    r.when.scope === undefined ? '' : `охват ${r.when.scope.map(id).join('/')}`,
  ].filter((w) => w !== '')
  return `${when.join(', ') || 'что угодно'} → трек ${id(r.track)}`
}

/**
 * The issues and warnings of `validate` in Russian: the same keys with the same parameters as
 * `POLICY_MESSAGES` (a missing key or a wrong parameter fails the typecheck). A field's
 * description from the schema is English and is left out here; a yaml parser's or a condition
 * parser's own words are quoted as they are.
 */
export const POLICY_MESSAGES_RU: PolicyMessages = {
  'schema.unknownField': (p) =>
    `неизвестное поле "${p.field}" ${inWhere(p.where)}; ${
      p.near !== undefined
        ? `возможно, имелось в виду ${code(p.near)}?`
        : `удалите его${p.fields.length > 0 ? ` или используйте одно из: ${p.fields.map(code).join(', ')}` : ''}`
    }`,
  'schema.moreUnknownFields': (p) =>
    `… и ещё неизвестных полей ${inWhere(p.where)}: ${p.more}, начиная с "${p.next}"; удалите их`,
  'schema.emptyDocument': (p) => DOCUMENT_RU[p.what].empty,
  'schema.notAMapping': (p) =>
    `${DOCUMENT_RU[p.what].mustBe} набором полей (${DOCUMENT_FIELDS[p.what].map(code).join(', ')}, …), а не ${received(p.got)}`,
  'schema.missingField': (p) =>
    `нет обязательного поля ${code(p.field)} ${p.parent === null ? 'на верхнем уровне' : `в ${code(p.parent)}`}; добавьте его (${expected(p.expected)})`,
  'schema.invalidType': (p) => `ожидается ${expected(p.expected)}, а не ${received(p.got)}${hint(p.hint)}`,
  'schema.badVersion': (p) =>
    `${shown(p.got)} — не та версия формата, которую читает эта программа; напишите ${code(`version: ${p.version}`)}`,
  'schema.expectedValue': (p) => `ожидается ${p.expected}, а не ${shown(p.got)}`,
  'schema.notAllowed': (p) =>
    p.near !== undefined
      ? `${shown(p.got)} не допускается; возможно, имелось в виду "${p.near}"? (одно из: ${p.allowed.join(', ')})`
      : `${shown(p.got)} не допускается; используйте одно из: ${p.allowed.join(', ')}`,
  'schema.emptyList': (p) => {
    const [one, many] = ITEM[p.field] ?? ['один элемент', 'элементов']
    return `список пуст; добавьте ${p.minimum === 1 ? `хотя бы ${one}` : `не меньше ${p.minimum} ${many}`}`
  },
  'schema.emptyText': (p) => `${shown(p.got)} — пустое значение; заполните ${code(p.field)}`,
  'schema.textTooShort': (p) =>
    `${shown(p.got)} — слишком короткий текст; нужно символов: не меньше ${p.minimum}`,
  'schema.lessThan': (p) => `${shown(p.got)} меньше ${p.minimum}; укажите ${p.minimum} или больше`,
  'schema.notGreaterThan': (p) => `${shown(p.got)} слишком мало; укажите число больше ${p.minimum}`,
  'schema.listTooLong': (p) =>
    `в списке ${p.length === null ? 'слишком много элементов' : `элементов: ${p.length}`}; оставьте не больше ${p.maximum}`,
  'schema.textTooLong': (p) =>
    `${p.length === null ? 'текст слишком длинный' : `в тексте символов: ${p.length}`}; сократите его до ${p.maximum}`,
  'schema.aboveMaximum': (p) =>
    `${shown(p.got)} больше максимума ${p.maximum}; укажите ${p.maximum} или меньше`,
  'schema.invalidFormat': (p) =>
    `${shown(p.got)} — недопустимое значение ${code(p.field)}: ${rule(p.rule)}${p.example === undefined ? '' : `, например "${p.example}"`}`,
  'schema.noVariant': (p) =>
    p.discriminator === null
      ? 'значение не подходит ни под один из допустимых видов; сверьте его поля с одним из них'
      : `поле ${code(p.discriminator)} — не из допустимых${p.options.length > 0 ? `: ${p.options.map(code).join(', ')}` : ''}`,
  'schema.badKey': (p) =>
    p.key === null ? 'недопустимый ключ; переименуйте его' : `недопустимый ключ "${p.key}"; переименуйте его`,
  'schema.notMultipleOf': (p) =>
    `${shown(p.got)} не кратно ${p.divisor}; укажите число, кратное ${p.divisor}`,
  'schema.badId': (p) =>
    (RECORD_ID_MESSAGES_RU[p.problem.key] as (params: unknown) => string)(p.problem.params),
  'schema.other': (p) => p.message,
  'scenario.sharesSum': (p) =>
    `доли \`approve\` + \`refuse\` + \`amend\` должны в сумме давать 1 (сейчас ${(p.approve + p.refuse + p.amend).toLocaleString('ru', { maximumFractionDigits: 6 })}); измените доли`,
  'scenario.warmupPastHorizon': (p) =>
    `прогрев (${p.warmupDays} дн.) должен кончаться раньше горизонта (${p.horizonDays} дн.); сократите \`warmupDays\` или увеличьте \`horizonDays\``,
  'policy.tooManyIssues': (p) =>
    `… и ещё проблем: ${p.more}, следующая в ${code(p.next)}; исправьте эти и проверьте снова`,
  'syntax.yaml': (p) =>
    `синтаксическая ошибка YAML: ${p.advice === null ? 'исправьте YAML, чтобы он читался' : SYNTAX_ADVICE_RU[p.advice]} (разбор YAML: «${p.detail}»)`,
  'syntax.tooDeep': (p) =>
    `синтаксическая ошибка YAML: документ вложен слишком глубоко, чтобы его прочитать («${p.detail}»); сделайте его площе`,
  'syntax.fieldTwice': (p) =>
    `синтаксическая ошибка YAML: поле "${p.field}" встречается в одном наборе полей дважды; оставьте одно`,
  'references.duplicateId': (p) =>
    `повторяется идентификатор ${KIND[p.kind].of} «${p.id}» (впервые задан в ${code(`${p.where}[${p.first}]`)}); дайте ${KIND[p.kind].each} свой идентификатор`,
  'references.noHolders': (p) =>
    `у ключа «${p.key}» нет держателей; укажите хотя бы одного участника, который может его повернуть`,
  'references.quorumAboveHolders': (p) =>
    `кворум ${p.quorum} больше числа держателей ключа «${p.key}» (${p.holders}); уменьшите кворум или добавьте держателей`,
  'references.institutionTwice': (p) =>
    `ведомству «${p.institution}» уже принадлежит ключ «${p.other}»; два ключа одного ведомства — не два ключа (TK2), поэтому дайте каждому ключу своё ведомство`,
  'references.holderTwice': (p) => `«${p.holder}» дважды указан держателем ключа «${p.key}»; удалите повтор`,
  'references.holderNotPrincipal': (p) =>
    `держатель «${p.holder}» ключа «${p.key}» — не участник политики; ${fixPrincipal(p.fix)}`,
  'references.holdsTwoKeys': (p) =>
    `«${p.holder}» уже держит ключ «${p.other}»; один участник может держать только один ключ (TK2), поэтому выберите для «${p.key}» другого держателя`,
  'references.holderOutsideInstitution': (p) =>
    `держатель «${p.holder}» относится к «${p.institution}», а ключ «${p.key}» — право «${p.keyInstitution}»; выберите держателя из «${p.keyInstitution}» или добавьте это ведомство в ${code('affiliations')} участника`,
  'references.noMaxDays': (p) =>
    `ключ «${p.key}» допускает заместителей, но не задаёт ${code('maxDays')}; укажите, сколько может длиться замещение, например ${code('maxDays: 14')}`,
  'references.deputyNotPrincipal': (p) =>
    `допустимый заместитель «${p.deputy}» по ключу «${p.key}» — не участник политики; ${fixPrincipal(p.fix)}`,
  'references.behindTwoKeys': (p) =>
    `«${p.id}» действует по ключу «${p.key}», но относится и к «${p.institution}» — ведомству ключа «${p.other}»; один участник оказался бы за двумя ключами (TK2) — уберите эту принадлежность или выберите другого участника`,
  'references.governorNotPrincipal': (p) =>
    `губернатор «${p.governor}» региона «${p.region}» — не участник политики; ${fixPrincipal(p.fix)}`,
  'references.translationUnknown': (p) =>
    `«${p.id}» — ${KIND_NOT[p.kind]} политики; переводите только её ${code(p.field)} (${listed(p.known)})`,
  'references.memberNotPrincipal': (p) =>
    `член комиссии «${p.member}» — не участник политики; ${fixPrincipal(p.fix)}`,
  'references.memberTwice': (p) => `член комиссии «${p.member}» указан дважды; укажите каждого один раз`,
  'references.plenaryQuorumAboveMembers': (p) =>
    `кворум ${p.quorum} больше числа членов комиссии (${p.members}); уменьшите кворум или добавьте членов`,
  'references.commissionLapses': () =>
    `комиссия голосует на пленарном заседании, но по истечении срока инициатива снимается (${code('onClose: lapse')}); укажите ${code('onClose: plenary')} или удалите ${code('commission')}`,
  'references.noSponsor': () =>
    `ни у одного участника нет роли «sponsor», поэтому инициативу нельзя внести; добавьте кому-нибудь ${code('roles: [sponsor]')}`,
  'references.unknownObjective': (p) =>
    `цель «${p.objective}» не входит в цели политики (${listed(p.objectives)}); ${
      p.near === undefined
        ? `добавьте её в ${code('objectives')} или исправьте имя`
        : `возможно, имелась в виду «${p.near}»?`
    }`,
  'references.trackNeedsScope': (p) =>
    `треку «${p.track}» нужен ${p.needs === 'regional' ? 'региональный охват (его регионы)' : 'экспортный охват (его страны назначения)'}, но это правило подходит и для охвата ${p.others.map(id).join(', ')}; добавьте ${code(`when.scope: [${p.needs}]`)}`,
  'references.noRegions': () =>
    `в маршрутизации есть региональный трек, но регионы не заданы; добавьте ${code('regions')} с их губернаторами`,
  'conditions.allConditional': () =>
    `каждый ключ действует только по условию, поэтому инициативу, не подходящую ни под одно, не одобрил бы никто; уберите ${code('appliesIf')} хотя бы у одного ключа`,
  'conditions.parse': (p) =>
    `условие ключа «${p.key}» не разбирается на символе ${p.at + 1}: «${p.detail}»\n${p.condition}\n${' '.repeat(p.at)}^\nграмматика — в разделе «Keys that apply by condition» в README`,
  'conditions.notSubstantive': (p) =>
    `ключ «${p.key}» действует по ${code(p.field)}, но ${code(p.content)} нет в ${code('amendments.substantive')}: поправка могла бы пересечь условие и сохранить одобрения; добавьте ${code(p.content)} в ${code('amendments.substantive')}`,
  'conditions.unknownObjective': (p) =>
    `ключ «${p.key}»: цель «${p.value}» не входит в цели политики (${p.objectives.join(', ')})${p.near === undefined ? '' : `; возможно, имелась в виду «${p.near}»?`}`,
  'conditions.unknownScope': (p) =>
    `ключ «${p.key}»: «${p.value}» — не вид охвата; используйте ${['federal', 'regional', 'export'].map(code).join(', ')}`,
  'warnings.amendmentReroutes': (p) =>
    `не включает ${code(p.field)}, который читает маршрутизация (${code(`routing[${p.rule}]`)}${p.route === null ? '' : `: ${route(p.route)}`}): инициативу, которую часть ключей одобрила как ${id(p.before)} (трек ${id(p.beforeTrack)}), можно поправкой перевести в ${id(p.after)} без новой редакции, сохранить эти одобрения и направить на трек ${id(p.afterTrack)}; добавьте ${code(p.field)} в ${code('amendments.substantive')}`,
}
