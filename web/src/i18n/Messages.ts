import type { en } from './en.js'

/** The same keys as `T`, every text a string; plural forms other than `_one`/`_other` may be added (Russian has `_few` and `_many`). */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> } & {
  [plural: `${string}_${'few' | 'many'}`]: string
}

/**
 * What a translation of the page must give: every key of the English, so a missing key fails
 * the typecheck. `seedSay` translates the seed story's narration, step by step (`s0`, `s1`, …),
 * `reachSay` and `oneKeySay` the two scripts of “Why two keys?”: English takes it from the scripts.
 */
export type Messages = Shape<typeof en> & {
  seedSay?: Record<string, string>
  reachSay?: Record<string, string>
  oneKeySay?: Record<string, string>
}
