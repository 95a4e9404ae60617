/**
 * A message as data: a key of a catalogue and the parameters its words are made from. The English
 * message stays beside it, byte for byte; another language renders the phrase from its catalogue.
 */
export interface Phrased<K extends string = string, P = unknown> {
  key: K
  params: P
}

/**
 * Attaches `phrase` to an issue, a finding or a list of problems without changing what it is as
 * data: the property is not enumerable, so JSON (`--json`, the HTTP API), spreads and test
 * equality see the object exactly as before. A spread copy loses it: pass it on with {@link keepPhrase}.
 *
 * @example
 * const issue = withPhrase({ code: 'custom', path: [], message: 'no principal …' }, { key: 'references.noSponsor', params: {} })
 * JSON.stringify(issue) // '{"code":"custom","path":[],"message":"no principal …"}'
 * phraseOf(issue)       // { key: 'references.noSponsor', params: {} }
 */
export function withPhrase<T extends object, P>(target: T, phrase: P | undefined): T {
  if (phrase === undefined) return target
  Object.defineProperty(target, 'phrase', {
    value: phrase,
    enumerable: false,
    configurable: true,
    writable: true,
  })
  return target
}

/** The phrase {@link withPhrase} attached, if any. */
export function phraseOf<P>(target: object | undefined): P | undefined {
  return (target as { phrase?: P } | undefined)?.phrase
}

/**
 * `copy` with the phrase of `original`: for the spread copies that add a file, a line, a column.
 *
 * @example
 * keepPhrase(issue, { ...issue, file, line, column })
 */
export function keepPhrase<T extends object>(original: object, copy: T): T {
  return withPhrase(copy, phraseOf(original))
}
