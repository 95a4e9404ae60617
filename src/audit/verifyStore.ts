import type { Command } from '../domain/Command.js'
import { snapshotKeyBytes } from '../engine/snapshotSeal.js'
import type { KeyEntry } from '../identity/KeyringSchema.js'
import type { SignatureCheck } from '../ledger/replayChecked.js'
import { phraseOf } from '../policy/phrased.js'
import type { Store, StoredSnapshot } from '../stores/Store.js'
import { type AuditPhrase, auditPhrase } from './auditMessages.js'
import { commandIndexCheck } from './commandIndexCheck.js'
import { keyringCheck } from './keyringCheck.js'
import { ProblemList } from './ProblemList.js'
import { type ProblemPhrase, phrasedProblems } from './phrasedProblems.js'
import { pinnedPolicies } from './pinnedPolicies.js'
import { replayInitiative } from './replayInitiative.js'
import { POOL_THRESHOLD, SignaturePool, signaturePool, type Verdicts } from './signaturePool.js'
import { type AuditResult, createChainCheck, type VerifyAuditOptions } from './verifyAudit.js'
import { verifySecurityLog } from './verifySecurityLog.js'

/** One part of what a store keeps: how many items were checked, and what is wrong, first first. */
export interface AuditSection {
  checked: number
  problems: string[]
}

export interface StoreAuditReport {
  /** True when every section checks out. */
  ok: boolean
  /** The hash chain of every event ({@link verifyAudit}). */
  audit: AuditResult
  /** Each initiative's events replayed under its pinned policy: `checked` events the rules took. */
  rules: AuditSection
  /** Each policy the events name is stored and still hashes to its pin. */
  policies: AuditSection
  /**
   * Every saved snapshot, and every state digest the Merkle log records, equals the replay of the
   * log at its seq (and, given the key, each snapshot carries a valid seal).
   */
  snapshots: AuditSection
  /** The security log's chain of refusals. */
  securityLog: AuditSection
  /** The command index agrees with the events and refusals: `checked` index rows. */
  commandIndex: AuditSection
  /** The keyring changes signed commands are checked against, each replayed and checked again. */
  keyring: AuditSection
}

export interface VerifyStoreOptions extends VerifyAuditOptions {
  /**
   * The engine's snapshot key, to check every snapshot's seal as well as its state. The audit
   * needs no key: without one it compares each snapshot with the replay.
   */
  snapshotKey?: string | Uint8Array
  /**
   * Verify the Ed25519 signatures of signed commands on worker threads while the rules replay on
   * this one (default true; used only with two or more cores and a few thousand commands). Every
   * signature is verified either way, and every other check stays on this thread.
   */
  signatureThreads?: boolean
}

type Saved = StoredSnapshot & { initiativeId: string }

/** With signatures verified ahead: about this many events go to a worker at a time … */
const GROUP_EVENTS = 500
/** … and this many groups are read ahead of the replay. */
const GROUPS_AHEAD = 4
type ReplayInput = Parameters<typeof replayInitiative>[0]

/** The state digests the Merkle log records for an initiative's events, by seq. */
async function logStatesOf(store: Store, initiativeId: string): Promise<Map<number, string>> {
  const states = new Map<number, string>()
  for (const [i, place] of ((await store.log?.placesOf(initiativeId)) ?? []).entries())
    if (place.state !== undefined) states.set(i + 1, place.state)
  return states
}

/** Every saved snapshot, by initiative: all of them where the store lists them, else the latest. */
async function savedSnapshots(store: Store, initiatives: readonly string[]): Promise<Map<string, Saved[]>> {
  const byInitiative = new Map<string, Saved[]>()
  const add = (s: Saved) => {
    const list = byInitiative.get(s.initiativeId)
    if (list === undefined) byInitiative.set(s.initiativeId, [s])
    else list.push(s)
  }
  if (store.snapshots !== undefined) {
    for (const s of await store.snapshots()) add(s)
  } else if (store.loadSnapshot !== undefined) {
    for (const initiativeId of initiatives) {
      const latest = await store.loadSnapshot(initiativeId)
      if (latest !== undefined) add({ ...latest, initiativeId })
    }
  }
  return byInitiative
}

/**
 * Verifies everything a store keeps: the hash-chained event log ({@link verifyAudit}); each
 * initiative replayed under the rules of its pinned policy, so a rewrite that recomputed every
 * hash is still caught where it breaks a rule (and, for signed commands, where a signature does not
 * stand, against the stored keyring, itself checked again); the pinned policies; every saved
 * snapshot against that replay; the security log's chain; and the command index against the
 * events and refusals.
 * Reads one initiative at a time and replays each once: linear in the size of the store.
 *
 * @example
 * const report = await verifyStore(sqliteStore('twokeys.db', { mustExist: true }))
 * if (!report.ok) process.exitCode = 1
 */
export async function verifyStore(store: Store, options: VerifyStoreOptions = {}): Promise<StoreAuditReport> {
  // One snapshot of the database where the store offers it: a command committed while the audit
  // reads must not look like an index row without its event.
  if (store.consistentRead !== undefined) return store.consistentRead(() => verifyNow(store, options))
  return verifyNow(store, options)
}

async function verifyNow(store: Store, options: VerifyStoreOptions): Promise<StoreAuditReport> {
  const { snapshotKey: key, signatureThreads = true, ...auditOptions } = options
  const snapshotKey = key === undefined ? undefined : snapshotKeyBytes(key)
  const initiatives = await store.listInitiatives()
  const chain = createChainCheck(auditOptions)
  const policies = pinnedPolicies(store)
  const commandIndex = await store.commandIndex()
  const index = commandIndexCheck(commandIndex)
  const saved = await savedSnapshots(store, initiatives)
  const keyrings = await keyringCheck(store)
  const rules = { checked: 0, problems: new ProblemList() }
  const snapshots = { checked: 0, problems: new ProblemList() }
  const pool =
    signatureThreads && keyrings.held && commandIndex.length >= POOL_THRESHOLD ? signaturePool() : undefined

  const replay = (input: ReplayInput, verdicts: Verdicts | undefined) => {
    const signatures: SignatureCheck | undefined =
      input.signatures === undefined || verdicts === undefined
        ? input.signatures
        : { ...input.signatures, verified: (c: Command, e: KeyEntry) => SignaturePool.answer(verdicts, c, e) }
    const result = replayInitiative({ ...input, ...(signatures === undefined ? {} : { signatures }) })
    rules.checked += result.replayed
    if (result.rule !== undefined)
      rules.problems.add(phraseOf<AuditPhrase>(result.rule) ?? result.rule.message)
    const phrases = phraseOf<ProblemPhrase[]>(result.snapshotProblems)
    result.snapshotProblems.forEach((problem, i) => {
      snapshots.problems.add(phrases?.[i] ?? problem)
    })
  }

  // With a pool, initiatives are read ahead in groups of about a batch of events; a group's
  // signatures go to a worker at once, and its replays wait in `groups` until a few more groups
  // are on their way: the rules of one group replay while the signatures of the next are verified.
  // Replays still run in the order of the initiatives, one at a time, on this thread.
  interface Group {
    inputs: ReplayInput[]
    events: number
    ahead?: Promise<Verdicts | undefined>
  }
  const groups: Group[] = []
  let gathering: Group = { inputs: [], events: 0 }
  let inFlight = 0
  const send = () => {
    const group = gathering
    gathering = { inputs: [], events: 0 }
    if (group.inputs.length === 0) return
    const checked = group.inputs.flatMap((i) =>
      i.signatures === undefined ? [] : [{ events: i.events, check: i.signatures }],
    )
    // A worker that fails leaves its signatures to the replay, which verifies them here.
    if (pool !== undefined && checked.length > 0) group.ahead = pool.verify(checked).catch(() => undefined)
    groups.push(group)
    inFlight += group.events
  }
  const replayGroup = async () => {
    const group = groups.shift() as Group
    inFlight -= group.events
    const verdicts = group.ahead === undefined ? undefined : await group.ahead
    for (const input of group.inputs) replay(input, verdicts)
  }

  try {
    let offset = 0
    for (const initiativeId of initiatives) {
      const events = await store.readEvents(initiativeId)
      chain.add(events)
      const named = new Set<string>()
      for (let i = 0; i < events.length; i++) {
        const record = events[i]
        if (record === undefined) continue
        index.event(record, offset + i)
        named.add(record.policyHash)
      }
      for (const hash of named) await policies.pinned(hash)
      const own = saved.get(initiativeId) ?? []
      saved.delete(initiativeId)
      const logStates = await logStatesOf(store, initiativeId)
      snapshots.checked += own.length
      const pinned = events[0]?.policyHash
      const found = pinned === undefined ? undefined : await policies.pinned(pinned)
      if (found !== undefined && pinned !== undefined) {
        const signatures = keyrings.signaturesFor(pinned, found.policy, events)
        const input: ReplayInput = {
          machine: found.machine,
          policyHash: pinned,
          initiativeId,
          events,
          offset,
          snapshots: own,
          logStates,
          ...(snapshotKey === undefined ? {} : { snapshotKey }),
          ...(signatures === undefined ? {} : { signatures }),
        }
        if (pool === undefined) replay(input, undefined)
        else {
          gathering.inputs.push(input)
          gathering.events += events.length
          if (gathering.events >= GROUP_EVENTS) send()
          while (inFlight > GROUPS_AHEAD * GROUP_EVENTS) await replayGroup()
        }
      }
      offset += events.length
    }
    send()
    while (groups.length > 0) await replayGroup()
  } finally {
    await pool?.close()
  }

  // Snapshots of initiatives with no events at all.
  for (const [initiativeId, own] of saved) {
    for (const s of own) {
      snapshots.checked++
      snapshots.problems.add(auditPhrase('snapshots.orphan', { initiative: initiativeId, seq: s.seq }))
    }
  }

  const refusals = await store.refusals()
  const securityLog = verifySecurityLog(refusals)
  for (let position = 0; position < refusals.length; position++) {
    index.refusal(refusals[position] as (typeof refusals)[number], position)
  }
  const report = {
    audit: chain.result(),
    rules: { checked: rules.checked, problems: rules.problems.toArray() },
    policies: {
      checked: policies.checked,
      problems: phrasedProblems(
        [...policies.problems],
        [...(phraseOf<ProblemPhrase[]>(policies.problems) ?? [])],
      ),
    },
    snapshots: { checked: snapshots.checked, problems: snapshots.problems.toArray() },
    securityLog,
    commandIndex: index.finish(),
    keyring: keyrings.section(),
  }
  const sections = [
    report.rules,
    report.policies,
    report.snapshots,
    report.securityLog,
    report.commandIndex,
    report.keyring,
  ]
  return { ok: report.audit.ok && sections.every((s) => s.problems.length === 0), ...report }
}
