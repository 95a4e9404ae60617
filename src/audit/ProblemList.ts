/** How many problems of one kind a report lists before it only counts the rest. */
export const PROBLEMS_LISTED = 100

/**
 * The problems of one kind an audit found, in the order found: the first ones word for word, the
 * rest counted, so a wiped table does not print a million lines.
 */
export class ProblemList {
  readonly #listed: string[] = []
  #more = 0

  add(problem: string): void {
    if (this.#listed.length < PROBLEMS_LISTED) this.#listed.push(problem)
    else this.#more++
  }

  get empty(): boolean {
    return this.#listed.length === 0
  }

  /** The listed problems, and a last line counting those left out. */
  toArray(): string[] {
    return this.#more === 0 ? [...this.#listed] : [...this.#listed, `… and ${this.#more} more like these`]
  }
}
