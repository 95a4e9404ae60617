import type { Phase } from '../../../machines/describeState.js'
import { DAY_MS } from '../../../machines/facts.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { AbstractEvent } from '../../explore/alphabet.js'
import type { Policy } from '../../policy/PolicySchema.js'
import type { DifferenceShape, SideOutcome } from './DiffResult.js'
import { namesOnlyIn } from './namesOnlyIn.js'

/** What one difference is made of: the pair's phase and sponsor, the event, both answers. */
export interface DifferenceFacts {
  before: Phase
  sponsor: string | null
  event: InitiativeEvent
  letter: AbstractEvent
  a: SideOutcome
  b: SideOutcome
}

/**
 * The event's variant in the group: the alphabet's (approve, accept, a tick's kind), but for a
 * delegation its deputy and length — the letters' names (`to-outsider`) depend on whose
 * alphabet made them, and one policy's outsider may be the other's deputy.
 */
function variantOf(event: InitiativeEvent, letter: AbstractEvent): string {
  if (event.type !== 'DELEGATE') return letter.variant
  const days = Math.round((event.until - event.from) / DAY_MS)
  return `${event.deputy}, ${days} day${days === 1 ? '' : 's'}`
}

/**
 * The shape of a difference, by which differences are grouped: the event's type, who acts (the
 * sponsor as "sponsor", so one story stands for every proposer), the key, the alphabet's
 * variant, and how each policy answered — the refusing side with its code and rules, the
 * phase each reached (none where it stayed in its phase). The phase both were in is left out, so
 * one group gathers "oreshkin approves" in review and in plenary alike.
 *
 * @example
 * differenceShape(twoKeys, singleKey, facts).refusedBy // 'B'
 */
export function differenceShape(a: Policy, b: Policy, facts: DifferenceFacts): DifferenceShape {
  const { event, letter, before } = facts
  const fields = event as Partial<{ by: string; key: string }>
  const refusedBy = !facts.a.accepted ? 'A' : !facts.b.accepted ? 'B' : null
  const refusal = !facts.a.accepted ? facts.a : !facts.b.accepted ? facts.b : null
  // An event naming what only the accepting policy knows: the other refused it as unknown.
  const onlyIn =
    refusedBy === 'B'
      ? namesOnlyIn(event, a, b, 'A')
      : refusedBy === 'A'
        ? namesOnlyIn(event, b, a, 'B')
        : null
  return {
    type: event.type,
    actor:
      fields.by === undefined
        ? null
        : fields.by === facts.sponsor && event.type !== 'PROPOSE'
          ? 'sponsor'
          : fields.by,
    key: fields.key ?? null,
    variant: variantOf(event, letter),
    refusedBy,
    code: refusal?.code ?? null,
    rules: refusal?.rules ?? [],
    phaseA: facts.a.accepted && facts.a.phase !== before ? facts.a.phase : null,
    phaseB: facts.b.accepted && facts.b.phase !== before ? facts.b.phase : null,
    onlyIn,
  }
}

/** A stable id for a shape: its fields in a fixed order. */
export function shapeId(shape: DifferenceShape): string {
  return [
    shape.type,
    shape.actor ?? '-',
    shape.key ?? '-',
    shape.variant,
    shape.refusedBy ?? '-',
    shape.code ?? '-',
    shape.rules.join('+'),
    shape.phaseA ?? '-',
    shape.phaseB ?? '-',
  ].join('|')
}
