import { TwoKeysError } from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'

// The operator commands' option values, read from the command line with errors that say which option.

/** `federal`, `federal:minzifry,minek`, `regional:tatarstan`, `export:belarus,kazakhstan`. */
export function parseScope(text: string): Record<string, unknown> {
  const [kind = '', list = ''] = text.split(':', 2)
  const items = list === '' ? [] : list.split(',').map((s) => s.trim())
  if (kind === 'federal') return { kind, ministries: items }
  if (kind === 'regional') return { kind, regions: items }
  if (kind === 'export') return { kind, destinations: items }
  throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().badScope(text))
}

export const yesNo = (text: string, option: string): boolean => {
  if (['yes', 'true', 'y'].includes(text)) return true
  if (['no', 'false', 'n'].includes(text)) return false
  throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().yesOrNo(option, text))
}

export const number = (text: string, option: string): number => {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n))
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().aNumber(option, text))
  return n
}
