import type { NOTE_MESSAGES } from './noteMessages.js'

// Names, sizes and roots as they are, in «»; a line of the note in «»; the note's syntax in backticks.

/** A note's, a checkpoint's and a cosignature's problems in Russian: the same keys with the same parameters as `NOTE_MESSAGES`. */
export const NOTE_MESSAGES_RU: typeof NOTE_MESSAGES = {
  'note.controlCharacter': () =>
    'в подписанной заметке не может быть управляющих символов, кроме перевода строки',
  'note.noFinalNewline': () => 'подписанная заметка должна заканчиваться переводом строки',
  'note.noBlankLine': () => 'в подписанной заметке текст и подписи разделяет пустая строка, а её нет',
  'note.badSignatureLine': (p) => `«${p.line}» — не строка подписи \`— <name> <base64>\``,
  'note.unsigned': () => 'у подписанной заметки должна быть хотя бы одна подпись',
  'note.signatureFails': (p) => `подпись «${p.name}» не сходится: заметку изменили`,
  'note.noTrustedSignature': () => 'нет ни одной подписи доверенным ключом',
  'checkpointText.lines': () => 'у контрольной точки есть источник, размер и корень, каждый на своей строке',
  'checkpointText.size': (p) => `«${p.size}» — не размер дерева`,
  'checkpointText.root': (p) => `«${p.root}» — не корневой хеш SHA-256 в base64`,
  'cosignature.malformed': (p) => `подпись свидетеля «${p.name}» — не метка времени с подписью Ed25519`,
  'cosignature.fails': (p) => `подпись свидетеля «${p.name}» не сходится: контрольную точку изменили`,
}
