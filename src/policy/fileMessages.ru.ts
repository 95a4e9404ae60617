import type { DocumentKind, FILE_MESSAGES } from './fileMessages.js'
import { formatIssues } from './formatIssues.js'
import { POLICY_MESSAGES_RU } from './policyMessages.ru.js'

/** A document by its kind, in the prepositional case («в политике …») and the genitive («файл политики»). */
const IN: Record<DocumentKind, string> = {
  policy: 'в политике',
  script: 'в сценарии прогона',
  scenario: 'в сценарии моделирования',
}
const OF: Record<DocumentKind, string> = {
  policy: 'политики',
  script: 'сценария прогона',
  scenario: 'сценария моделирования',
}

/** The errors of loading a document in Russian: each issue from its phrase, as `validate` words it. */
export const FILE_MESSAGES_RU: typeof FILE_MESSAGES = {
  'file.unreadable': (p) => `не удаётся прочитать файл ${OF[p.what]} «${p.path}»; проверьте путь`,
  'file.invalid': (p) =>
    `${IN[p.what]} ${p.file} есть ошибки:\n${formatIssues(p.issues, {
      color: false,
      words: { at: '→ в', messages: POLICY_MESSAGES_RU },
    })}`,
  'file.arrivalsUnreadable': (p) =>
    `не удаётся прочитать файл прибытий «${p.csv}», названный в ${p.path}; проверьте путь (\`arrivals.file\` указывают относительно сценария)`,
  'file.notADate': (p) =>
    `${p.file}:${p.line}: «${p.cell}» — не дата; пишите по одной дате ISO (ГГГГ-ММ-ДД) в строке`,
  'file.noDates': (p) => `в ${p.file} нет дат; добавьте по одной в строке`,
}
