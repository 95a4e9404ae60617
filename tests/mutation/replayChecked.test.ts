import { describe, expect, it } from 'vitest'
import { getInitialSnapshot } from 'xstate'
import { createInitiativeMachine } from '../../machines/initiative.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { eventHash } from '../../src/domain/eventHash.js'
import type { RecordedEvent } from '../../src/domain/RecordedEvent.js'
import { isTwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { firstKeyringChange } from '../../src/identity/firstKeyringChange.js'
import { replayKeyring } from '../../src/identity/replayKeyring.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { replayChecked, type SignatureCheck } from '../../src/ledger/replayChecked.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { asserted, KEYS_FROM, seedKeys, signedPolicy } from '../support/seedKeys.js'

// The ledger's checks of a stored log, one forgery at a time, each with its hash recomputed (as an
// operator who can write the database would), so that only the check under test can catch it.
// Found by mutation testing: the audit has checks of its own, so none of these was tested here.
const ID = 'kazan'
const commands = (): CommandInput[] => [
  {
    type: 'propose',
    initiativeId: ID,
    commandId: 'c-propose',
    by: 'minzifry',
    title: 'Kazan data centre',
    objective: 'infrastructure',
    scope: { kind: 'federal' },
  },
  { type: 'submit', initiativeId: ID, commandId: 'c-submit', by: 'minzifry' },
]

/** A real log of `policy`: proposed and submitted (signed when the policy says so), then the deadlines. */
async function logOf(policy: Policy) {
  const store = memoryStore()
  const clock = manualClock('2026-03-02T09:00:00Z')
  const engine = createEngine({ policy, store, clock })
  const signed = policy.identity === 'signed'
  if (signed)
    await engine.changeKeyring(
      firstKeyringChange(policy, [seedKeys.oreshkin, seedKeys.grigorenko, seedKeys.minzifry], KEYS_FROM),
    )
  for (const command of commands())
    await engine.dispatch(signed ? signCommand(command, seedKeys.minzifry) : command)
  clock.set('2026-06-01T09:00:00Z')
  await engine.tick()
  const records = await store.readEvents(ID)
  const keyrings = replayKeyring(policy, await store.keyringChanges())
  return { records, keyrings }
}

/** Replays `records` from the start under `policy`; the error's message, or 'ok'. */
function replay(policy: Policy, records: RecordedEvent[], signatures?: SignatureCheck): string {
  const machine = createInitiativeMachine(policy)
  const policyHash = records[0]?.policyHash ?? ''
  const from = { snapshot: getInitialSnapshot(machine, { policyHash }), seq: 0, lastHash: '' }
  try {
    replayChecked(machine, policyHash, ID, from, records, signatures)
    return 'ok'
  } catch (error) {
    if (!isTwoKeysError(error) || error.code !== 'AUDIT_TAMPERED') throw error
    return error.message
  }
}

/** `records` with record `i` changed by `edit`, its hash recomputed, and every later link and hash too. */
function forged(records: RecordedEvent[], i: number, edit: (r: RecordedEvent) => RecordedEvent) {
  const out: RecordedEvent[] = []
  records.forEach((record, j) => {
    let next = j === i ? edit({ ...record }) : { ...record }
    if (j > i) next = { ...next, prevHash: out[j - 1]?.hash as string }
    out.push({ ...next, hash: eventHash(next) })
  })
  return out
}

describe('replayChecked: each check of a stored log, alone', () => {
  it('the untouched log replays; the forgeries below each fail on their own check', async () => {
    const { records } = await logOf(asserted)
    expect(records.map((r) => r.event.type)).toEqual(['PROPOSE', 'SUBMIT', 'TICK', 'TICK'])
    expect(replay(asserted, records)).toBe('ok')
  })

  it('names each broken link: initiative, number, link, hash, policy, shape, the rules, the revision', async () => {
    const { records } = await logOf(asserted)
    const at = (n: number, why: string) => `initiative "${ID}", event ${n}: ${why}`
    expect(
      replay(
        asserted,
        forged(records, 1, (r) => ({ ...r, initiativeId: 'other' })),
      ),
    ).toContain(at(2, 'it belongs to initiative "other"'))
    expect(
      replay(
        asserted,
        forged(records, 1, (r) => ({ ...r, seq: 3 })),
      ),
    ).toContain(at(2, 'it is numbered 3 where 2 follows'))
    expect(
      replay(
        asserted,
        forged(records, 1, (r) => ({ ...r, prevHash: 'f'.repeat(64) })),
      ),
    ).toContain(at(2, 'it does not link to the event before it (prevHash)'))
    const edited = records.map((r, j) => (j === 1 ? { ...r, commandId: 'edited' } : r))
    expect(replay(asserted, edited)).toContain(at(2, 'its content does not match its hash: it was edited'))
    expect(
      replay(
        asserted,
        forged(records, 1, (r) => ({ ...r, policyHash: 'a'.repeat(64) })),
      ),
    ).toContain(at(2, `it names policy ${'a'.repeat(12)}, not the pinned one`))
    const malformed = forged(records, 1, (r) => ({ ...r, event: { type: 'SUBMIT', by: 7 } as never }))
    expect(replay(asserted, malformed)).toContain(at(2, 'its event is not a well-formed twokeys event'))
    // A decision before the review opened: the rules refuse it.
    const early = forged(records, 1, (r) => ({
      ...r,
      event: { type: 'WITHDRAW', by: 'oreshkin', at: (r.event as { at: number }).at } as never,
    }))
    expect(replay(asserted, early)).toContain(
      at(2, `the pinned policy's machine does not take WITHDRAW by "oreshkin" in state`),
    )
    const revision = forged(records, 1, (r) => ({ ...r, revision: 'b'.repeat(64) }))
    expect(replay(asserted, revision)).toMatch(
      /event 2: it records revision b{12}, but the rules give [0-9a-f]{12};/,
    )
  })

  it('signed logs: every command but a deadline carries its signed command, under a stored keyring, for this event', async () => {
    const { records, keyrings } = await logOf(signedPolicy)
    const check: SignatureCheck = { required: true, keyring: (v) => keyrings[v - 1] }
    expect(replay(signedPolicy, records, check)).toBe('ok')
    // The deadlines carry none, and need none.
    expect(records.filter((r) => r.event.type === 'TICK').every((r) => r.command === undefined)).toBe(true)
    const unsigned = forged(records, 1, ({ command: _c, keyring: _k, ...r }) => r as RecordedEvent)
    expect(replay(signedPolicy, unsigned, check)).toContain(
      'event 2: SUBMIT by "minzifry" carries no signed command, but the policy says identity: signed',
    )
    const noKeyring = forged(records, 1, (r) => ({ ...r, keyring: 9 }))
    expect(replay(signedPolicy, noKeyring, check)).toContain(
      'event 2: it names keyring version 9, which the store does not have',
    )
    const otherId = forged(records, 1, (r) => ({ ...r, commandId: 'another-id' }))
    expect(replay(signedPolicy, otherId, check)).toContain(
      'event 2: its signed command names another command id or initiative',
    )
    const otherInitiative = forged(records, 1, (r) => ({
      ...r,
      command: { ...(r.command as object), initiativeId: 'elsewhere' } as never,
    }))
    expect(replay(signedPolicy, otherInitiative, check)).toContain(
      'event 2: its signed command names another command id or initiative',
    )
    // The event must be what the signed command asked: a withdrawal passed off as the submit.
    const swapped = forged(records, 1, (r) => ({
      ...r,
      event: { type: 'WITHDRAW', by: 'minzifry', at: (r.event as { at: number }).at } as never,
    }))
    expect(replay(signedPolicy, swapped, check)).toContain(
      'event 2: the event is not what the signed submit command by "minzifry" asked for',
    )
  })

  it('a signature verified ahead is taken at its word: a verdict of false fails the event, undefined verifies here', async () => {
    const { records, keyrings } = await logOf(signedPolicy)
    const keyring = (v: number) => keyrings[v - 1]
    expect(replay(signedPolicy, records, { required: true, keyring, verified: () => undefined })).toBe('ok')
    expect(replay(signedPolicy, records, { required: true, keyring, verified: () => false })).toContain(
      'event 1:',
    )
  })

  it('an event without an actor is named by its type alone', async () => {
    const { records } = await logOf(asserted)
    const last = records.at(-1) as RecordedEvent
    // One more deadline after the initiative lapsed: the finished machine takes nothing.
    const extra = { ...last, seq: last.seq + 1, commandId: 'extra-tick', prevHash: last.hash }
    const appended = [...records, { ...extra, hash: eventHash(extra) }]
    expect(replay(asserted, appended)).toContain(
      `event 5: the pinned policy's machine does not take TICK in state "lapsed"`,
    )
  })
})
