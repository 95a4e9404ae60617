import type { ForgeryCheck } from '../../../src/classroom/ClassroomFeed.js'
import { language, t } from '../i18n/language.js'

/**
 * What a check on a forged copy found, in the page's language: in English the verifier's own
 * message (the server's, with every detail), in Russian worded from the finding the server sends
 * as data — passed, or the first bad position and what is wrong there.
 *
 * @example
 * checkText({ check: 'heads', ok: true, message: '…', finding: { problem: 'passed', events: 6 } })
 * // 'копия по-прежнему заканчивается на вершинах, опубликованных до неё' in Russian
 */
export function checkText(check: ForgeryCheck): string {
  const { finding } = check
  if (language() === 'en') return check.message
  if (finding.problem === 'passed') {
    return check.check === 'chain'
      ? t('classroom.finding.passed.chain', { count: finding.events })
      : t(`classroom.finding.passed.${check.check}`)
  }
  const where =
    finding.initiativeId === null || finding.seq === null
      ? t('classroom.finding.at', { position: finding.position })
      : t('classroom.finding.where', {
          position: finding.position,
          initiative: finding.initiativeId,
          seq: finding.seq,
        })
  return t(`classroom.finding.problem.${finding.problem}`, { where })
}
