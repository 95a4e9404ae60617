import { formatIssues } from '../policy/formatIssues.js'
import { POLICY_MESSAGES_RU } from '../policy/policyMessages.ru.js'
import { russianPlural } from '../script/russianPlural.js'
import { indent, type NodeShown, type SIMULATE_MESSAGES } from './simulateMessages.js'

// Ids, paths and values stay as they are, in «»; fields and examples to write in backticks.

const node = (n: NodeShown) =>
  n.kind === 'list'
    ? `список из ${n.length} (${n.ids.join(', ')})`
    : n.kind === 'object'
      ? n.keys.length === 0
        ? 'пустой объект'
        : `объект с полями ${n.keys.map((k) => `\`${k}\``).join(', ')}`
      : `значение «${n.json}» (${n.type === 'number' ? 'число' : n.type === 'string' ? 'текст' : n.type === 'boolean' ? 'да или нет' : n.type})`
const type = (t: string) =>
  t === 'number' ? 'число' : t === 'string' ? 'текст' : t === 'boolean' ? 'да или нет' : t

/** The simulator's errors in Russian: the same keys with the same parameters as `SIMULATE_MESSAGES`. */
export const SIMULATE_MESSAGES_RU: typeof SIMULATE_MESSAGES = {
  'run.replications': (p) =>
    `число прогонов — целое число от 1 до ${p.max.toLocaleString('ru')}, а не ${p.got}`,
  'run.seed': (p) => `зерно — целое число от 0 до ${p.max.toLocaleString('ru')}, а не ${p.got}`,
  'vary.badRange': (p) =>
    `диапазон «${p.text}» — не \`a..b:шаг\` с a ≤ b и шагом больше 0 (например, \`5..40:5\`)`,
  'vary.tooManyPoints': (p) =>
    `в диапазоне «${p.text}» ${russianPlural(p.count, ['точка', 'точки', 'точек'])}; можно не больше ${p.max}`,
  'vary.notARange': (p) => `диапазон «${p.text}» — не \`a..b:шаг\` (например, \`5..40:5\`)`,
  'vary.emptyItem': (p) => `в списке значений «${p.text}» есть пустой элемент`,
  'vary.tooManyValues': (p) =>
    `в списке значений «${p.text}» ${russianPlural(p.count, ['значение', 'значения', 'значений'])}; можно не больше ${p.max}`,
  'vary.notPathValues': (p) =>
    `--vary «${p.text}» — не \`путь=значения\` (например, \`reviewers.principals.oreshkin.reviewDays.mean=5..40:5\`)`,
  'vary.noValues': () => '--vary не называет ни одного значения',
  'vary.invalid': (p) =>
    `сценарий моделирования «${p.scenario}» с \`${p.path}\` = «${p.value}» неверен:\n${indent(
      formatIssues(p.issues, { color: false, words: { at: '→ в', messages: POLICY_MESSAGES_RU } }),
    )}`,
  'path.unexpected': (p) => `путь «${p.path}»: неожиданное «${p.rest}» в знаке ${p.at}`,
  'path.emptySegment': (p) => `путь «${p.path}»: пустой шаг в знаке ${p.at}`,
  'path.missingDot': (p) => `путь «${p.path}»: нет «.» перед «${p.segment}»`,
  'path.emptyBrackets': (p) => `путь «${p.path}»: пустые скобки в знаке ${p.at}`,
  'path.empty': (p) => `путь «${p.path}» пуст или кончается на «.»`,
  'path.noSuch': (p) =>
    `путь «${p.path}»: ${p.where === null ? 'в корне сценария' : `в «${p.where}»`} нет «${p.segment}»; там ${node(p.node)}`,
  'path.notAValue': (p) =>
    `путь «${p.path}» ведёт не к одному значению (там ${node(p.node)}); назовите одно из его полей`,
  'path.otherType': (p) =>
    `по пути «${p.path}» — ${type(p.type)} «${p.current}», а «${p.value}» — ${type(p.valueType)}`,
  'model.unknownReviewer': (p) =>
    `сценарий моделирования «${p.scenario}»: \`reviewers.principals\` называет «${p.id}», которого нет в политике «${p.policy}»; известны: ${p.known.join(', ')}`,
  'model.noReviewer': (p) =>
    `сценарий моделирования «${p.scenario}» ничего не говорит о том, как рассматривает «${p.id}» (держатель в политике «${p.policy}»); добавьте \`reviewers.principals.${p.id}\`, одну из его ролей или \`reviewers.default\``,
  'model.unknownObjective': (p) =>
    `сценарий моделирования «${p.scenario}»: цели «${p.objective}» нет среди целей политики «${p.policy}» (${p.objectives.join(', ')})`,
  'model.cannotExpress': (p) =>
    `сценарий моделирования «${p.scenario}»: политика «${p.policy}» не может выразить инициативу с охватом «${p.scope}»`,
  'model.tooManyRegions': (p) =>
    `сценарий моделирования «${p.scenario}»: регионов ${p.regions}, а в политике «${p.policy}» их ${p.has}`,
}
