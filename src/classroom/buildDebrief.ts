import { parseAuditLines } from '../audit/parseAuditLog.js'
import { verifyAudit } from '../audit/verifyAudit.js'
import { canonicalHash } from '../domain/canonicalHash.js'
import { invariantsIn } from '../invariants/invariantsIn.js'
import { historyToMermaid } from '../render/historyToMermaid.js'
import { russianTimelineWords } from '../render/timelineWords.ru.js'
import type { Notice } from './ClassroomFeed.js'
import type { ClassroomSession } from './ClassroomSession.js'
import { bottleneckOf, type KeyWait, keyWaits } from './waits.js'

/** Phases in which a key may still be turned: a wait in any other phase ended at the last event. */
const OPEN_PHASES = new Set(['review', 'plenary'])

const describeWait = (w: KeyWait) => ({
  ...w,
  waitedMs: w.to - w.from,
  waitedHours: (w.to - w.from) / 3_600_000,
})

/**
 * What a class looks back on: each initiative's timeline (a Mermaid gantt, in English and, under
 * `translations.ru`, in Russian with the policy's names for its objectives), the key that waited
 * longest, every refused command with the rule and invariant that stopped it, the forgeries and
 * which check caught each, and where to download the audit export. Read from the session's store.
 *
 * @example
 * const debrief = await buildDebrief(session)
 * debrief.bottleneck?.key // 'government-apparatus'
 */
export async function buildDebrief(session: ClassroomSession) {
  const { engine } = session
  const now = session.clock()
  const initiatives = await engine.list()
  const histories = await Promise.all(initiatives.map((i) => engine.history(i.initiativeId)))
  const ends: Record<string, number> = {}
  initiatives.forEach((summary, i) => {
    const last = histories[i]?.at(-1)?.event.at ?? now
    ends[summary.initiativeId] = OPEN_PHASES.has(summary.phase) ? now : last
  })
  const waits = keyWaits(session.policy, histories.flat(), ends)
  const bottleneck = bottleneckOf(waits)
  const russian = russianTimelineWords(session.policy.translations?.ru?.objectives)
  // The security log keeps the reasons in English; their phrases were told to the class in the feed.
  const phrasesOf = new Map(
    session.feed
      .after(0)
      .flatMap((n) =>
        n.kind === 'refused' && n.commandId !== null ? [[n.commandId, n.phrases] as const] : [],
      ),
  )
  const refusals = (await engine.securityLog()).map((r) => {
    const command = (typeof r.command === 'object' && r.command !== null ? r.command : {}) as Record<
      string,
      unknown
    >
    const cited = invariantsIn(r.reasons)
    return {
      at: new Date(r.at).toISOString(),
      by: typeof command.by === 'string' ? command.by : '?',
      type: typeof command.type === 'string' ? command.type : '?',
      initiativeId: r.initiativeId,
      keyId: (command.signature as { keyId?: string } | undefined)?.keyId ?? null,
      code: r.code,
      reasons: r.reasons,
      /** The reasons as message keys with parameters (see `REFUSAL_MESSAGES`), for a page to show in its language; empty where the session did not see the refusal. */
      phrases: phrasesOf.get(r.commandId) ?? [],
      invariants: cited.map(({ id, name }) => ({ id, name })),
      stoppedBy:
        cited.length > 0
          ? cited.map((i) => i.id).join(', ')
          : r.code === 'UNAUTHENTICATED'
            ? 'the signature check (identity: signed)'
            : r.code,
    }
  })
  const lines = parseAuditLines((await session.exportAudit()).split('\n'))
  const audit = verifyAudit(lines.map((l) => l.value))
  const forgeries = session.feed
    .after(0)
    .filter((n): n is Extract<Notice, { kind: 'forgery' }> => n.kind === 'forgery')
  return {
    session: {
      id: session.id,
      policy: { id: session.policy.id, hash: session.policyHash },
      startedAt: new Date(session.startedAt).toISOString(),
      clock: new Date(now).toISOString(),
      ended: session.ended,
      students: session.students.map(({ role, name, keyId, inKeyring }) => ({
        role,
        name,
        keyId,
        inKeyring,
      })),
    },
    timelines: initiatives.map((summary, i) => ({
      initiativeId: summary.initiativeId,
      title: summary.title,
      phase: summary.phase,
      events: histories[i]?.length ?? 0,
      gantt: historyToMermaid(histories[i] ?? [], { kind: 'gantt' }),
      /** The same timeline in another language, for a page in it. */
      translations: {
        ru: { gantt: historyToMermaid(histories[i] ?? [], { kind: 'gantt', words: russian }) },
      },
    })),
    bottleneck: bottleneck === null ? null : describeWait(bottleneck),
    waits: waits.map(describeWait),
    refusals,
    forgeries: forgeries.map(({ forgery, change, target, caughtBy, checks }) => ({
      forgery,
      change,
      target,
      caughtBy,
      checks,
    })),
    audit: {
      events: lines.length,
      ok: audit.ok,
      headsDigest: audit.ok ? canonicalHash(audit.heads) : null,
      download: `/api/sessions/${session.id}/audit.jsonl`,
    },
  }
}

export type Debrief = Awaited<ReturnType<typeof buildDebrief>>
