import type { Phase } from './describeState.js'

/**
 * Each phase's short Russian name, a noun phrase for where an initiative is (`→ regionalRollout`
 * reads «региональное внедрение»). One table for every face that names a phase in Russian (the
 * CLI's step lines; the page may use it too); the clause form («на рассмотрении») is the
 * refusal messages' `phase.*` term.
 */
export const PHASE_NAMES_RU: Record<Phase, string> = {
  none: 'не внесена',
  draft: 'черновик',
  review: 'рассмотрение',
  plenary: 'пленарное заседание',
  returned: 'доработка',
  approved: 'одобрена',
  federalRollout: 'федеральное внедрение',
  regionalRollout: 'региональное внедрение',
  exportRollout: 'экспорт',
  completed: 'завершена',
  withdrawn: 'отозвана',
  lapsed: 'истекла',
}
