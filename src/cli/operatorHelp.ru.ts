import type { CommandHelp } from './localizeHelp.js'

/** The options every operator command shares: where it runs, who acts, how it answers. */
const COMMON = {
  '--db': 'выполнить здесь, на базе: файл SQLite или адрес postgres:// (вместе с --policy)',
  '--policy': 'с --db: политика (файл или twokeys/policies/…)',
  '--server': 'отправить работающему `twokeys serve`',
  '--key': 'подписать этим закрытым ключом (`twokeys keys new`); действует его владелец',
  '--by': 'кто действует, когда в политике `identity: asserted` (без ключа)',
  '--command-id': 'ключ идемпотентности: повтор вернёт первый результат',
  '--json': 'вывести квитанцию в JSON',
  '--snapshot-key-file': 'с --db: ключ снимков движка',
  '--witnesses': 'с --db: доверять снимкам, которые покрывает точка, подписанная этими свидетелями',
}

/** The fields of a proposal or an amendment. */
const CONTENT = {
  '--title': 'название',
  '--objective': 'одна из целей политики',
  '--scope': '`federal[:ministries]`, `regional:<regions>` или `export:<destinations>`',
  '--summary': 'краткое описание',
  '--budget': 'бюджет в рублях',
}

/** The options of the commands that only read or tick. */
const READING = {
  '--db': 'файл SQLite или адрес postgres:// (вместе с --policy)',
  '--policy': 'с --db: политика',
  '--server': 'работающий `twokeys serve`',
  '--snapshot-key-file': COMMON['--snapshot-key-file'],
  '--witnesses': COMMON['--witnesses'],
}

const on = (
  description: string,
  options: Record<string, string> = {},
  args: Record<string, string> = {},
): CommandHelp => ({ description, arguments: args, options: { ...COMMON, ...options } })

/** The operator commands in Russian: propose, decide, … status and explain. */
export const OPERATOR_HELP_RU: Readonly<Record<string, CommandHelp>> = {
  propose: on('предложить инициативу', {
    ...CONTENT,
    '--id': 'идентификатор новой инициативы (придумывается, если не задан)',
  }),
  submit: on('подать инициативу на рассмотрение'),
  amend: on('внести поправку в инициативу', CONTENT),
  decide: on('одобрить или отклонить ключом', {
    '--key-id': 'ключ, которым решают (например presidential-administration)',
    '--decision': '`approve` (одобрить) или `refuse` (отклонить)',
    '--reason': 'почему',
    '--revision':
      'редакция, о которой решение (для подписанных команд по умолчанию — текущая, её читают сначала)',
  }),
  revoke: on('отозвать своё одобрение', { '--key-id': 'ключ, чьё одобрение отзывается' }),
  withdraw: on('отозвать инициативу (её автором)', { '--reason': 'почему' }),
  delegate: on('назначить заместителя держателю ключа', {
    '--key-id': 'ключ',
    '--deputy': 'заместитель',
    '--until': 'время ISO-8601, когда полномочия кончаются',
    '--from': 'время ISO-8601, когда они начинаются (по умолчанию — сейчас)',
  }),
  respond: on('ответ региона на региональное внедрение', {
    '--region': 'регион',
    '--accept': 'принять или отказаться',
  }),
  ministry: on('ответ названного министерства на федеральное внедрение (`rollout.federal: ministries`)', {
    '--ministry': 'министерство',
    '--accept': 'принять или отказаться',
  }),
  plenary: on('член комиссии голосует на пленарном заседании за возврат инициативы автору', {
    '--vote': 'голос (`return` — вернуть)',
  }),
  destination: on('согласие страны экспорта', {
    '--destination': 'страна назначения',
    '--agreed': 'согласна или нет',
  }),
  complete: on('записать, что внедрение завершено'),
  tick: {
    description: 'отработать все прошедшие сроки (`twokeys serve` делает это сам)',
    options: { ...READING, '--json': 'вывести квитанции в JSON' },
  },
  status: {
    description: 'табло инициативы: этап, редакция, каждый ключ и кого он ждёт',
    options: { ...READING, '--json': 'вывести табло в JSON' },
  },
  explain: on(
    'приняли бы эту команду сейчас и почему (ничего не делает)',
    { '--key-id': '`decide`/`revoke`/`delegate`: ключ', '--decision': '`decide`: `approve` или `refuse`' },
    { type: '`submit`, `decide`, `amend`, …', initiative: 'инициатива (не для `propose`)' },
  ),
}
