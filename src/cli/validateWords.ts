import {
  ENGLISH_ISSUE_WORDS,
  type IssueWords,
  POLICY_MESSAGES,
  POLICY_MESSAGES_RU,
  russianPlural,
} from '../index.js'
import { inCliLanguage } from './cliLanguage.js'

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

/**
 * The words of `twokeys validate`'s output for people, and with `messages` the catalogue its
 * issues and warnings are worded from; paths, ids and hashes stay as they are.
 */
export interface ValidateWords extends IssueWords {
  /** `two-keys.yaml: policy "two-keys" (2 keys, 10 principals) · hash a1b2c3d4e5f6` after the ✓. */
  valid(file: string, policy: string, keys: number, principals: number, hash: string): string
  cannotRead(file: string, reason: 'missing' | 'directory' | string): string
  /** Heads a policy's issues when a command cannot load it (as `loadPolicy`'s error says it). */
  invalid(file: string): string
}

export const ENGLISH_VALIDATE_WORDS: ValidateWords = {
  ...ENGLISH_ISSUE_WORDS,
  messages: POLICY_MESSAGES,
  valid: (file, policy, keys, principals, hash) =>
    `${file}: policy "${policy}" (${count(keys, 'key')}, ${count(principals, 'principal')}) · hash ${hash}`,
  cannotRead: (file, reason) =>
    `cannot read "${file}" (${reason === 'missing' ? 'no such file' : reason === 'directory' ? 'it is a directory' : reason}); check the path`,
  invalid: (file) => `policy ${file} is invalid:`,
}

export const RUSSIAN_VALIDATE_WORDS: ValidateWords = {
  at: '→ в',
  messages: POLICY_MESSAGES_RU,
  valid: (file, policy, keys, principals, hash) =>
    `${file}: политика «${policy}» (${russianPlural(keys, ['ключ', 'ключа', 'ключей'])}, ${russianPlural(principals, ['участник', 'участника', 'участников'])}) · хеш ${hash}`,
  cannotRead: (file, reason) =>
    `не удаётся прочитать «${file}» (${reason === 'missing' ? 'нет такого файла' : reason === 'directory' ? 'это папка' : reason}); проверьте путь`,
  invalid: (file) => `в политике ${file} есть ошибки:`,
}

/** The words of `validate`'s output (and of a policy a command could not load) in the CLI's language. */
export const validateWords = (): ValidateWords =>
  inCliLanguage({ en: ENGLISH_VALIDATE_WORDS, ru: RUSSIAN_VALIDATE_WORDS })
