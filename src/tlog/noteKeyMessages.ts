import { type PhraseOf, phrasesOf, sayWith } from '../domain/phrasedError.js'
/**
 * The English of why a text is not a note key — a key name (`checkKeyName`), a private key
 * (`parseNoteSigner`) or a verifier key (`parseVerifierKey`) — by message key: the words that
 * were there before they were data, byte for byte. `NOTE_KEY_MESSAGES_RU` has the same keys with
 * the same parameters.
 */
export const NOTE_KEY_MESSAGES = {
  'keyName.bad': (p: { name: string }) =>
    `"${p.name}" cannot name a key: use a non-empty name with no spaces, "+" or control characters, such as example.gov/twokeys`,
  'privateKey.prefix': (_: Record<string, never>) =>
    'not a private key: it starts with PRIVATE+KEY+ (make one with `twokeys log key new` or `twokeys witness key new`)',
  'privateKey.fields': (_: Record<string, never>) =>
    'not a private key PRIVATE+KEY+<name>+<hex id>+<base64 key>',
  'privateKey.seed': (p: { name: string }) =>
    `private key "${p.name}": the key is not a type byte and a 32-byte seed in base64`,
  'privateKey.type': (p: { name: string; type: number }) =>
    `private key "${p.name}": type ${p.type} is not 1 (log) or 4 (witness cosignature)`,
  'privateKey.keyId': (p: { name: string; id: string; expected: string }) =>
    `private key "${p.name}": the key id ${p.id} does not belong to the key (expected ${p.expected}); the file was altered`,
  'verifierKey.fields': (p: { text: string }) =>
    `"${p.text}" is not a verifier key <name>+<hex id>+<base64 key>`,
  'verifierKey.name': (p: { text: string }) => `verifier key "${p.text}": the name is empty or has spaces`,
  'verifierKey.bytes': (p: { text: string }) =>
    `verifier key "${p.text}": the key is not a type byte and 32 bytes of base64`,
  'verifierKey.keyId': (p: { text: string; id: string; expected: string }) =>
    `verifier key "${p.text}": the key id ${p.id} does not belong to the key (expected ${p.expected})`,
}

/** Why a text is not a key name, a private key or a verifier key, as a phrase of {@link NOTE_KEY_MESSAGES}. */
export type NoteKeyProblem = PhraseOf<typeof NOTE_KEY_MESSAGES>

/** A key's problem in English. */
export const noteKeyProblemText = sayWith(NOTE_KEY_MESSAGES)

/** A problem of {@link NOTE_KEY_MESSAGES}. */
export const noteKeyProblem = phrasesOf(NOTE_KEY_MESSAGES)

/** True when a parser's result is its problem (a phrase), not the key it read. */
export const isNoteKeyProblem = <T extends object>(result: T | NoteKeyProblem): result is NoteKeyProblem =>
  'key' in result && 'params' in result && typeof result.key === 'string'
