import { type AuditPhrase, auditPhrase, renderAuditPhrase } from './auditMessages.js'
import { type ProblemPhrase, phrasedProblems } from './phrasedProblems.js'

/** How many problems of one kind a report lists before it only counts the rest. */
export const PROBLEMS_LISTED = 100

/**
 * The problems of one kind an audit found, in the order found: the first ones word for word, the
 * rest counted, so a wiped table does not print a million lines. A problem is a phrase (worded in
 * English here, in another language by `problemsIn`), or a line another checker wrote.
 */
export class ProblemList {
  readonly #listed: string[] = []
  readonly #phrases: ProblemPhrase[] = []
  #more = 0

  add(problem: AuditPhrase | string): void {
    if (this.#listed.length < PROBLEMS_LISTED) {
      this.#listed.push(typeof problem === 'string' ? problem : renderAuditPhrase(problem))
      this.#phrases.push(typeof problem === 'string' ? undefined : problem)
    } else this.#more++
  }

  get empty(): boolean {
    return this.#listed.length === 0
  }

  /** The listed problems, and a last line counting those left out; their phrases ride along. */
  toArray(): string[] {
    if (this.#more === 0) return phrasedProblems([...this.#listed], [...this.#phrases])
    const more = auditPhrase('problems.more', { more: this.#more })
    return phrasedProblems([...this.#listed, renderAuditPhrase(more)], [...this.#phrases, more])
  }
}
