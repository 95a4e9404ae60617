/** One step of a store's schema, applied once, in order of `version`, inside a transaction. */
export interface Migration {
  version: number
  name: string
  sql: string
}
