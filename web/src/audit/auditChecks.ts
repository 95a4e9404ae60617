import type { Command } from '../../../src/domain/Command.js'
import { canonicalJson } from '../../../src/domain/canonicalHash.js'
import type { Keyring } from '../../../src/identity/KeyringSchema.js'
import { verifyCommandSignature } from '../../../src/identity/verifyCommandSignature.js'
import type { RecordedEvent } from '../../../src/stores/Store.js'
import { rootHash } from '../../../src/tlog/merkle.js'
import { commandWord } from '../eventTypeWord.js'
import { t } from '../i18n/language.js'
import { linkChecks } from '../tamperWith.js'
import { signatureReason } from './keyProblemText.js'
import { leavesOf, shortRoot, type WitnessedLog, type WitnessId, witnessLabel } from './witnessedLog.js'

/** The checks anyone can run on a copy of the log, in the order they are run. */
export type CheckId = 'hash' | 'link' | 'signature' | 'checkpoint' | 'witness'
export const CHECK_ORDER: readonly CheckId[] = ['hash', 'link', 'signature', 'checkpoint', 'witness']

export interface CheckResult {
  id: CheckId
  ok: boolean
  /** What was found, in plain words. */
  detail: string
}

export interface CheckReport {
  checks: CheckResult[]
  /** The first check that fails, or null when the copy passes them all. */
  caughtBy: CheckId | null
}

/** What the log's reader trusts: the keyring, whether every command must be signed, and the witnessed log. */
export interface CheckContext {
  keyring: Keyring | null
  signedRequired: boolean
  log: WitnessedLog | null
  /** POSIX seconds, for the witnesses' dry-run cosignature. */
  timestamp: number
}

const SKIP = new Set(['type', 'commandId', 'initiativeId', 'signature'])

/** Does the event say what the signed command asked? Every field the command names must be the event's (or its content's). */
export function eventMatchesCommand(record: RecordedEvent, command: Command): boolean {
  const event = record.event as unknown as Record<string, unknown>
  if (event.type !== command.type.toUpperCase()) return false
  const content = (event.content ?? {}) as Record<string, unknown>
  for (const [field, value] of Object.entries(command)) {
    if (SKIP.has(field) || value === undefined) continue
    const recorded = field in event ? event[field] : content[field]
    if (recorded === undefined || canonicalJson(recorded) !== canonicalJson(value)) return false
  }
  return true
}

/** Why one event's signature does not stand, or null when it does (or the event need not be signed). */
export function signatureProblem(
  record: RecordedEvent,
  keyring: Keyring | null,
  required: boolean,
): string | null {
  const command = record.command
  if (command === undefined) {
    return required && record.event.type !== 'TICK' ? t('checks.unsigned', { seq: record.seq }) : null
  }
  if (keyring === null) return t('checks.noKeyring', { seq: record.seq })
  const verdict = verifyCommandSignature(keyring, command, record.event.at)
  if (!verdict.ok) return t('checks.verdict', { seq: record.seq, reason: signatureReason(verdict) })
  if (!eventMatchesCommand(record, command))
    return t('checks.mismatch', { seq: record.seq, type: commandWord(command.type), by: command.by })
  return null
}

const plural = (n: number) => t('checks.events', { count: n })

/**
 * Runs every check on a copy of the log (forged or not): each event's hash, each link, each
 * signature (and that the event is what its signed command asked), the root of the first events
 * against the last checkpoint both witnesses cosigned, and whether both witnesses would cosign a
 * checkpoint over the copy now (their state is not changed). Names the first check that fails.
 */
export function runChecks(events: readonly RecordedEvent[], context: CheckContext): CheckReport {
  const checks: CheckResult[] = []
  const links = linkChecks(events)

  const badHash = links.findIndex((c) => !c.hashOk)
  checks.push(
    badHash < 0
      ? { id: 'hash', ok: true, detail: t('checks.hashOk', { events: plural(events.length) }) }
      : {
          id: 'hash',
          ok: false,
          detail: t('checks.hashBad', { seq: events[badHash]?.seq }),
        },
  )

  const badLink = events.findIndex((e, i) => !links[i]?.linkOk || e.seq !== i + 1)
  checks.push(
    badLink < 0
      ? {
          id: 'link',
          ok: true,
          detail: t('checks.linkOk'),
        }
      : {
          id: 'link',
          ok: false,
          detail: t('checks.linkBad', { seq: events[badLink]?.seq }),
        },
  )

  let signatureDetail: string | null = null
  let signed = 0
  for (const record of events) {
    const problem = signatureProblem(record, context.keyring, context.signedRequired)
    if (problem !== null) {
      signatureDetail = `${problem}.`
      break
    }
    if (record.command !== undefined) signed++
  }
  checks.push(
    signatureDetail === null
      ? {
          id: 'signature',
          ok: true,
          detail: signed === 0 ? t('checks.noSigned') : t('checks.signedOk', { count: signed }),
        }
      : { id: 'signature', ok: false, detail: signatureDetail },
  )

  const latest = context.log?.latest() ?? null
  if (context.log === null || latest === null) {
    checks.push({ id: 'checkpoint', ok: true, detail: t('checks.noCheckpoint') })
    checks.push({ id: 'witness', ok: true, detail: t('checks.noWitness') })
  } else {
    const leaves = leavesOf(events)
    if (leaves.length < latest.size) {
      checks.push({
        id: 'checkpoint',
        ok: false,
        detail: t('checks.tailMissing', { have: plural(leaves.length), cosigned: plural(latest.size) }),
      })
    } else {
      const root = rootHash(leaves.slice(0, latest.size))
      const same = root.length === latest.root.length && root.every((b, i) => b === latest.root[i])
      checks.push(
        same
          ? {
              id: 'checkpoint',
              ok: true,
              detail: t('checks.rootOk', { events: plural(latest.size), root: shortRoot(root) }),
            }
          : {
              id: 'checkpoint',
              ok: false,
              detail: t('checks.rootBad', {
                events: plural(latest.size),
                root: shortRoot(root),
                cosigned: shortRoot(latest.root),
              }),
            },
      )
    }
    const trial = context.log.publish(events, context.timestamp, { remember: false })
    const refused = trial.answers.filter((a) => !a.ok)
    checks.push(
      refused.length === 0
        ? { id: 'witness', ok: true, detail: t('checks.witnessOk') }
        : {
            id: 'witness',
            ok: false,
            detail: (() => {
              const reasons = refused.map((a) => (a.ok ? '' : a.reason))
              if (refused.length === 2 && reasons[0] === reasons[1])
                return t('checks.bothRefuse', { reason: reasons[0] })
              return refused
                .map((a, i) =>
                  t('checks.oneRefuses', {
                    witness: witnessLabel(a.witness as WitnessId),
                    reason: reasons[i],
                  }),
                )
                .join(' ')
            })(),
          },
    )
  }
  return { checks, caughtBy: checks.find((c) => !c.ok)?.id ?? null }
}
