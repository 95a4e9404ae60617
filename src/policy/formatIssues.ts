import pc from 'picocolors'
import type { Issue } from '../domain/TwoKeysError.js'
import { formatPath } from './formatPath.js'
import { issueMessage } from './phrasedIssue.js'
import type { PolicyMessages } from './policyMessages.js'

/** The words around an issue's own message, so the CLI can print them in its language. */
export interface IssueWords {
  /** Before an issue's file:line:column. */
  at: string
  /**
   * The catalogue to word the messages with (`POLICY_MESSAGES_RU`): an issue that carries a phrase
   * is rendered from it. Without one, each issue's `message` as it is (English).
   */
  messages?: PolicyMessages
}

export const ENGLISH_ISSUE_WORDS: IssueWords = { at: '→ at' }

/**
 * Issues as lines for a terminal, in the style of zod's `prettifyError`: the path and message,
 * then where it is. Colours follow the terminal (NO_COLOR, FORCE_COLOR) unless `color` says;
 * `words` gives the words around the messages in another language, and with `words.messages` the
 * messages too (those that carry a phrase; see `phrasedIssue`).
 *
 * @example
 * formatIssues(result.issues)
 * // ✖ keys[1].quorum: 3 is more than the 2 holders of "government-apparatus"; lower the quorum or add holders
 * //   → at two-keys.yaml:31:13
 */
export function formatIssues(
  issues: readonly Issue[],
  options: { color?: boolean; words?: IssueWords } = {},
): string {
  const c = pc.createColors(options.color ?? pc.isColorSupported)
  const words = options.words ?? ENGLISH_ISSUE_WORDS
  return issues
    .map((issue) => {
      const head = issue.path.length === 0 ? '' : `${c.bold(formatPath(issue.path))}: `
      const message = words.messages === undefined ? issue.message : issueMessage(issue, words.messages)
      const lines = [`${c.red('✖')} ${head}${message}`]
      if (issue.file !== undefined && issue.line !== undefined) {
        lines.push(`  ${c.dim(words.at)} ${c.cyan(`${issue.file}:${issue.line}:${issue.column ?? 1}`)}`)
      }
      return lines.join('\n')
    })
    .join('\n')
}
