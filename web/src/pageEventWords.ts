import type { Policy } from '../../src/policy/PolicySchema.js'
import type { EventWords } from '../../src/render/describeEvent.js'
import { ENGLISH_TIMELINE_WORDS } from '../../src/render/timelineWords.js'
import { russianTimelineWords } from '../../src/render/timelineWords.ru.js'
import { language, t } from './i18n/language.js'
import { objectiveName } from './objectiveName.js'
import { scopeName } from './scopeName.js'

/**
 * An event's description in the page's language (ids, titles and times stay as they are); with
 * the policy, a proposal's objective by the policy's name for it.
 */
export const eventWords = (policy?: Policy): EventWords => ({
  submitted: t('events.submitted'),
  decision: (decision, key) => t(`events.${decision}`, { key }),
  revokes: (key) => t('events.revokes', { key }),
  withdrawn: t('events.withdrawn'),
  deadline: t('events.deadline'),
  answers: (target, accept) => t(accept ? 'events.accepts' : 'events.declines', { target }),
  agrees: (destination, agreed) => t(agreed ? 'events.agrees' : 'events.disagrees', { destination }),
  plenaryVote: t('events.plenaryVote'),
  rolloutComplete: t('events.rolloutComplete'),
  until: t('events.until'),
  unreadable: t('events.unreadable'),
  objective: (objective) => (policy === undefined ? objective : objectiveName(policy, objective)),
  scope: scopeName,
})

/** The timelines' words in the page's language (the policy names its objectives). */
export const timelineWords = (policy: Policy | undefined) =>
  language() === 'ru' ? russianTimelineWords(policy?.translations?.ru?.objectives) : ENGLISH_TIMELINE_WORDS
