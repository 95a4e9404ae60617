import type { AnyMachineSnapshot } from 'xstate'
import { phaseTerm, REFUSAL_MESSAGES } from './refusalMessages.js'

/**
 * Every phase of an initiative, in a fixed order (the compiled table numbers them so): short,
 * stable names tools can switch on.
 */
export const PHASES = [
  'none',
  'draft',
  'review',
  'plenary',
  'returned',
  'approved',
  'federalRollout',
  'regionalRollout',
  'exportRollout',
  'completed',
  'withdrawn',
  'lapsed',
] as const

/** The phase of an initiative. */
export type Phase = (typeof PHASES)[number]

export function phaseOf(snapshot: AnyMachineSnapshot): Phase {
  const value = snapshot.value
  if (typeof value === 'string') return value === 'idle' ? 'none' : (value as Phase)
  if (snapshot.matches({ open: 'draft' })) return 'draft'
  if (snapshot.matches({ open: 'returned' })) return 'returned'
  if (snapshot.matches({ open: { review: { window: 'plenary' } } })) return 'plenary'
  return 'review'
}

/** The phase in words, for messages: "the initiative is in review". */
export function describePhase(phase: Phase): string {
  return REFUSAL_MESSAGES[phaseTerm(phase)]
}
