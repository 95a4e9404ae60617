import type { Notice } from '../../../src/classroom/ClassroomFeed.js'
import type { ForgedEvent } from '../../../src/classroom/forgeCopy.js'
import { commandWord, eventTypeName } from '../eventTypeWord.js'
import { t } from '../i18n/language.js'

/** When, on the session's clock: `2026-09-01 09:00`. */
export const sessionTime = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

/** One notice of the feed as a sentence in the page's language. */
export function noticeText(notice: Notice): string {
  switch (notice.kind) {
    case 'opened':
      return t('classroom.feed.opened', { policy: notice.policy })
    case 'joined':
      return notice.inKeyring
        ? t('classroom.feed.joined', { name: notice.name, role: notice.role })
        : t('classroom.feed.joinedForger', { name: notice.name })
    case 'event': {
      const { event } = notice.event
      const by = 'by' in event ? event.by : ''
      const initiative = notice.event.initiativeId
      switch (event.type) {
        case 'PROPOSE':
          return t('classroom.feed.PROPOSE', { by, title: event.content.title, initiative })
        case 'DECIDE':
          return t(event.decision === 'approve' ? 'classroom.feed.approve' : 'classroom.feed.refuse', {
            by,
            key: event.key,
            initiative,
          })
        case 'DELEGATE':
          return t('classroom.feed.DELEGATE', {
            by,
            key: event.key,
            deputy: event.deputy,
            until: sessionTime(event.until),
          })
        case 'RESPOND':
          return t(event.accept ? 'classroom.feed.accept' : 'classroom.feed.decline', {
            by,
            region: event.region,
          })
        case 'MINISTRY':
          return t(event.accept ? 'classroom.feed.ministryAccept' : 'classroom.feed.ministryDecline', {
            by,
            ministry: event.ministry,
            initiative,
          })
        case 'DESTINATION':
          return t(event.agreed ? 'classroom.feed.destinationAgreed' : 'classroom.feed.destinationDeclined', {
            by,
            destination: event.destination,
            initiative,
          })
        case 'PLENARY':
          return t('classroom.feed.PLENARY', { by, initiative })
        case 'TICK':
          return t('classroom.feed.TICK', { initiative })
        case 'SUBMIT':
        case 'AMEND':
        case 'WITHDRAW':
        case 'REVOKE':
        case 'COMPLETE':
          return t(`classroom.feed.${event.type}`, { by, initiative })
        default: {
          // An event type added to the engine after this page: named by its command word.
          const type = (event as { type: string }).type.toLowerCase()
          return t('classroom.feed.other', { by, type, initiative })
        }
      }
    }
    case 'refused':
      return t('classroom.feed.refused', { by: notice.by, type: commandWord(notice.type), code: notice.code })
    case 'clock':
      return t('classroom.feed.clock', {
        jump: t(`classroom.jump.${notice.jump}`),
        to: sessionTime(notice.to),
        count: notice.fired,
      })
    case 'prompt':
      return t('classroom.feed.prompt', { role: notice.role })
    case 'forgery':
      return notice.caughtBy === null
        ? t('classroom.feed.forgeryMissed', { forgery: t(`classroom.forgery.${notice.forgery}`) })
        : t('classroom.feed.forgery', {
            forgery: t(`classroom.forgery.${notice.forgery}`),
            check: t(`classroom.check.${notice.caughtBy}`),
          })
    case 'ended':
      return t('classroom.feed.ended')
    case 'freed':
      return notice.inKeyring
        ? t('classroom.feed.freed', { name: notice.name, role: notice.role })
        : t('classroom.feed.freedForger', { name: notice.name })
    case 'resumed':
      return t('classroom.feed.resumed')
  }
}

/** What a forgery changed, in the page's language, from the changed event as data. */
export function forgedText(forgery: string, target: ForgedEvent): string {
  const decision = (d: string | undefined) => (d === undefined ? '' : t(`classroom.decision.${d}`))
  return t(`classroom.change.${forgery}`, {
    ...target,
    type: eventTypeName(target.type),
    initiative: target.initiativeId,
    from: decision(target.from),
    to: decision(target.to),
  })
}
