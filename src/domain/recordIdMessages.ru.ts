import { escapeChar } from './quoteText.js'
import { RECORD_ID_CHARACTERS, RECORD_ID_MAX, type RECORD_ID_MESSAGES } from './recordIdMessages.js'

// The id in «» (as quoteText escaped it, without its quotes); the alphabet and a character as they are.

const RULE = `используйте от 1 до ${RECORD_ID_MAX} символов из ${RECORD_ID_CHARACTERS}`
const id = (shown: string) => `«${shown.slice(1, -1)}»`

function nameChar(char: string): string {
  if (char === ' ') return 'пробел'
  const escaped = escapeChar(char)
  return `символ ${escaped === char ? `«${char}»` : escaped}`
}

/** Why a text is not an id, in Russian: the same keys with the same parameters as `RECORD_ID_MESSAGES`. */
export const RECORD_ID_MESSAGES_RU: typeof RECORD_ID_MESSAGES = {
  'recordId.empty': () => `идентификатор пуст; ${RULE}`,
  'recordId.tooLong': (p) => `${id(p.shown)}: ${p.length} символов, это слишком длинно; ${RULE}`,
  'recordId.badCharacter': (p) => `в ${id(p.shown)} есть ${nameChar(p.char)} (символ ${p.position}); ${RULE}`,
  'recordId.notAString': (p) => `ожидается идентификатор инициативы (строка), а не ${p.got}`,
}
