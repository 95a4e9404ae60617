import type { STEP_COMMANDS } from './ScriptSchema.js'

/** The words of a script step's action line, so a page can give them in its own language. */
export interface ActionWords {
  propose(title: string, objective: string, scope: string): string
  decision(decision: 'approve' | 'refuse', key: string): string
  revoke(key: string): string
  delegate(deputy: string, key: string, days: number): string
  respond(accept: boolean, region: string): string
  ministry(accept: boolean, ministry: string): string
  plenary: string
  destination(agreed: boolean, destination: string): string
  amend(fields: string): string
  submit: string
  withdraw: string
  complete: string
}

export const ENGLISH_ACTION_WORDS: ActionWords = {
  propose: (title, objective, scope) => `propose "${title}" (${objective}, ${scope})`,
  decision: (decision, key) => `${decision} ${key}`,
  revoke: (key) => `revoke approval of ${key}`,
  delegate: (deputy, key, days) => `name ${deputy} deputy for ${key} for ${days} days`,
  respond: (accept, region) => `${accept ? 'accept' : 'decline'} rollout in ${region}`,
  ministry: (accept, ministry) => `${accept ? 'accept' : 'decline'} the federal rollout for ${ministry}`,
  plenary: 'vote in the plenary to return it',
  destination: (agreed, destination) => `${agreed ? 'agreed' : 'declined'} by ${destination}`,
  amend: (fields) => `amend ${fields}`,
  submit: 'submit',
  withdraw: 'withdraw',
  complete: 'complete',
}

/**
 * A script step's action in a few words — "approve presidential-administration", "accept rollout
 * in tatarstan" — from the step's own fields, in English unless `words` says otherwise.
 */
export function describeAction(
  kind: (typeof STEP_COMMANDS)[number],
  body: Record<string, unknown>,
  words: ActionWords = ENGLISH_ACTION_WORDS,
): string {
  const text = (value: unknown) => String(value)
  switch (kind) {
    case 'propose':
      return words.propose(
        text(body.title),
        text(body.objective),
        text((body.scope as { kind: string }).kind),
      )
    case 'decide':
      return words.decision(body.decision === 'refuse' ? 'refuse' : 'approve', text(body.key))
    case 'revoke':
      return words.revoke(text(body.key))
    case 'delegate':
      return words.delegate(text(body.deputy), text(body.key), Number(body.days))
    case 'respond':
      return words.respond(body.accept === true, text(body.region))
    case 'ministry':
      return words.ministry(body.accept === true, text(body.ministry))
    case 'plenary':
      return words.plenary
    case 'destination':
      return words.destination(body.agreed === true, text(body.destination))
    case 'amend':
      return words.amend(
        Object.keys(body)
          .filter((k) => !['initiative', 'by'].includes(k))
          .join(', '),
      )
    case 'submit':
      return words.submit
    case 'withdraw':
      return words.withdraw
    case 'complete':
      return words.complete
  }
}
