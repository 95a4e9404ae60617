import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import pc from 'picocolors'
import { LineCounter, parseDocument } from 'yaml'
import {
  formatIssues,
  formatPath,
  hashPolicy,
  type Issue,
  issueMessage,
  isTwoKeysError,
  keepPhrase,
  locateIssue,
  type Policy,
  type PolicyWarning,
  policyWarnings,
  safeLoadPolicy,
} from '../index.js'
import { EXIT } from './exitCodes.js'
import { resolvePolicyPath } from './packagePath.js'
import { ENGLISH_VALIDATE_WORDS, type ValidateWords, validateWords } from './validateWords.js'

/** The outcome for one file, as `--json` prints it. */
export interface ValidationResult {
  file: string
  valid: boolean
  /** The canonical policy hash (pinned into every initiative), when the policy is valid. */
  hash?: string
  issues: Issue[]
  /** What the policy permits that it probably should not (see `policyWarnings`); only when there are some. */
  warnings?: PolicyWarning[]
}

/** Each warning with its file, line and column, as issues carry them. */
function locateWarnings(text: string, file: string, warnings: PolicyWarning[]): PolicyWarning[] {
  if (warnings.length === 0) return warnings
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false })
  return warnings.map((w) => keepPhrase(w, { ...w, file, ...locateIssue(doc, lineCounter, w.path) }))
}

/** `⚠ amendments.substantive: leaves out "scope", …` and where, like an issue but not an error. */
function formatWarning(warning: PolicyWarning, words: ValidateWords): string {
  const where =
    warning.line === undefined
      ? ''
      : `\n  ${pc.dim(words.at)} ${pc.cyan(`${warning.file}:${warning.line}:${warning.column ?? 1}`)}`
  const message = words.messages === undefined ? warning.message : issueMessage(warning, words.messages)
  return `${pc.yellow('⚠')} ${pc.bold(formatPath(warning.path))}: ${message}${where}`
}

function readText(file: string): { text: string } | { issue: Issue; reason?: string } {
  try {
    return { text: readFileSync(resolvePolicyPath(file), 'utf8') }
  } catch (cause) {
    // A `twokeys/…` package path that the installed package does not ship.
    if (isTwoKeysError(cause)) {
      return { issue: { code: 'unreadable', path: [], message: cause.message, file } }
    }
    const code = (cause as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'directory' : (code ?? 'unreadable')
    return {
      reason,
      issue: {
        code: 'unreadable',
        path: [],
        // --json keeps English; people read it in the CLI's language (`unreadable`).
        message: ENGLISH_VALIDATE_WORDS.cannotRead(file, reason),
        file,
      },
    }
  }
}

/** Validates one policy file; never throws. */
function validatePolicyFile(file: string): {
  result: ValidationResult
  policy?: Policy
  unreadable?: string
} {
  const read = readText(file)
  if ('issue' in read) {
    return {
      result: { file, valid: false, issues: [read.issue] },
      ...(read.reason === undefined ? {} : { unreadable: read.reason }),
    }
  }
  const loaded = safeLoadPolicy(read.text, file)
  if (!loaded.success) return { result: { file, valid: false, issues: loaded.issues } }
  const { policy } = loaded
  const warnings = locateWarnings(read.text, file, policyWarnings(policy))
  return {
    result: {
      file,
      valid: true,
      hash: hashPolicy(policy),
      issues: [],
      ...(warnings.length === 0 ? {} : { warnings }),
    },
    policy,
  }
}

/** `✓ two-keys.yaml: policy "two-keys" (2 keys, 10 principals) · hash a1b2c3d4e5f6` */
function describeValid(result: ValidationResult, policy: Policy, words: ValidateWords): string {
  const hash = result.hash?.slice(0, 12) ?? ''
  return `${pc.green('✓')} ${words.valid(result.file, policy.id, policy.keys.length, policy.principals.length, hash)}`
}

/**
 * `twokeys validate <policy...>`: checks each policy file (shape, references and the two-key
 * rules) and prints its hash, or every issue with its file, line and column. Exit code 2 when
 * any file is invalid. A valid policy may also get warnings (⚠, see `policyWarnings`): they
 * do not change the exit code; `twokeys verify` reports the same as holes.
 *
 * @example
 * registerValidate(program) // twokeys validate machines/policies/*.yaml --json
 */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check policy files (YAML or JSON) and print their canonical hashes')
    .argument('<policy...>', 'policy files to check')
    .option('--json', 'print [{ file, valid, hash?, issues }] as JSON')
    .action((files: string[], options: { json?: boolean }) => {
      const checked = files.map(validatePolicyFile)
      if (options.json) {
        const results = checked.map((c) => c.result)
        process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
      } else {
        const words = validateWords()
        for (const { result, policy, unreadable } of checked) {
          if (unreadable !== undefined) {
            const issue = { ...result.issues[0], message: words.cannotRead(result.file, unreadable) } as Issue
            process.stderr.write(`${formatIssues([issue], { words })}\n`)
          } else if (policy !== undefined) {
            process.stdout.write(`${describeValid(result, policy, words)}\n`)
            for (const warning of result.warnings ?? [])
              process.stdout.write(`${formatWarning(warning, words)}\n`)
          } else process.stderr.write(`${formatIssues(result.issues, { words })}\n`)
        }
      }
      process.exitCode = checked.every((c) => c.result.valid) ? EXIT.ok : EXIT.badInput
    })
}
