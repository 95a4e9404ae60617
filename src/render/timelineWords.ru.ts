import type { TimelineScope, TimelineWords } from './timelineWords.js'

const SCOPES: Record<string, string> = { federal: 'федеральная', regional: 'региональная', export: 'экспорт' }

function scopeText(scope: TimelineScope): string {
  const kind = SCOPES[scope.kind] ?? scope.kind
  return scope.targets.length === 0 ? kind : `${kind}: ${scope.targets.join(', ')}`
}

const accepts = (accept: boolean) => (accept ? 'принимает' : 'отклоняет')

/**
 * The timelines' words in Russian, for the Russian page and the classroom's Russian debrief.
 * `objectives` names the policy's objectives (its `translations.ru.objectives`); an objective it
 * does not name stays as its id.
 *
 * @example
 * historyToMermaid(events, { kind: 'gantt', words: russianTimelineWords({ infrastructure: 'инфраструктура' }) })
 */
export function russianTimelineWords(objectives: Readonly<Record<string, string>> = {}): TimelineWords {
  return {
    initiative: (id) => `инициатива ${id}`,
    noInitiative: '(нет событий)',
    key: (id) => `ключ ${id}`,
    noEvents: 'событий нет',
    unreadable: 'нечитаемое событие',
    content: (title, objective, scope) =>
      `«${title}» (${objectives[objective] ?? objective}, ${scopeText(scope)})`,
    proposes: (content) => `предлагает ${content}`,
    submits: 'передаёт на рассмотрение',
    amends: (revision) =>
      revision === null ? 'вносит правку (редакция прежняя)' : `вносит правку: редакция ${revision}`,
    approves: (revision) => `одобряет редакцию ${revision}`,
    refuses: (revision) => `отказывает по редакции ${revision}`,
    revokes: 'отзывает своё одобрение',
    delegates: (key, from, until) => `назначает заместителя по ключу ${key} с ${from} до ${until}`,
    withdraws: 'отзывает инициативу',
    deadline: 'наступил срок',
    respondsForRegion: (region, accept) => `${accepts(accept)} внедрение в регионе ${region}`,
    respondsForMinistry: (accept) => `${accepts(accept)} федеральное внедрение`,
    plenaryVote: 'голосует на пленарном заседании за возврат инициатору',
    destination: (destination, agreed) => `${destination}: ${agreed ? 'согласие' : 'отказ'}`,
    completes: 'завершает внедрение',
    approvalsReset: (revision) => `редакция ${revision}: прежние одобрения больше не считаются (TK5)`,
    section: 'инициатива',
    proposedBy: (by) => `${by} предлагает`,
    submittedBy: (by) => `${by} передаёт на рассмотрение`,
    amendedBy: (by, revision) => `${by} вносит правку${revision === null ? '' : `, редакция ${revision}`}`,
    namesDeputy: (by, deputy) => `${by} назначает заместителя ${deputy}`,
    withdrawnBy: (by) => `${by} отзывает инициативу`,
    answers: (who, accept) => `${who} ${accepts(accept)}`,
    votesToReturn: (by) => `${by} голосует за возврат`,
    completedBy: (by) => `${by} завершает внедрение`,
    inReview: (revision) => `редакция ${revision} на рассмотрении`,
    waiting: (revision) => `ожидание, редакция ${revision}`,
    approvedBy: (by) => `✓ ${by} одобряет`,
    refusedBy: (by) => `✖ ${by} отказывает`,
    revokedBy: (by) => `↩ ${by} отзывает`,
  }
}

/** The Russian timelines' words with every objective as its id. */
export const RUSSIAN_TIMELINE_WORDS: TimelineWords = russianTimelineWords()
