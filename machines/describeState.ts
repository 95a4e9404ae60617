import type { AnyMachineSnapshot } from 'xstate'

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

const PHASE_WORDS: Record<Phase, string> = {
  none: 'not yet proposed',
  draft: 'a draft',
  review: 'in review',
  plenary: 'in plenary session (the review window closed)',
  returned: 'returned for amendment (a key was refused)',
  approved: 'approved',
  federalRollout: 'in federal rollout',
  regionalRollout: 'in regional rollout',
  exportRollout: 'in export rollout',
  completed: 'completed',
  withdrawn: 'withdrawn',
  lapsed: 'lapsed',
}

/** The phase in words, for messages: "the initiative is in review". */
export function describePhase(phase: Phase): string {
  return PHASE_WORDS[phase]
}
