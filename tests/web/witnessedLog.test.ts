import { describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { consistencyProof } from '../../src/tlog/merkle.js'
import { runChecks } from '../../web/src/audit/auditChecks.js'
import { forge } from '../../web/src/audit/forgeries.js'
import { fingerprintOf, keyOf, makeSessionKeys } from '../../web/src/audit/principalKeys.js'
import { askWitness, createWitnessedLog, leavesOf, verifierOf } from '../../web/src/audit/witnessedLog.js'
import { createSandbox, SANDBOX_INITIATIVE, type Sandbox } from '../../web/src/createSandbox.js'

const on = { initiativeId: SANDBOX_INITIATIVE }
const policy = loadPolicyFile('machines/policies/two-keys.yaml')

/** The default federal initiative, proposed, submitted and approved by both co-chairs: 5 events. */
async function approvedSandbox(): Promise<{ sandbox: Sandbox; history: RecordedEvent[] }> {
  const sandbox = createSandbox(policy)
  const steps: CommandInput[] = [
    {
      type: 'propose',
      ...on,
      by: 'minzifry',
      title: 'Federal GPU cloud',
      objective: 'infrastructure',
      scope: { kind: 'federal', ministries: ['minzifry'] },
    },
    { type: 'submit', ...on, by: 'minzifry' },
    { type: 'decide', ...on, by: 'oreshkin', key: 'presidential-administration', decision: 'approve' },
    { type: 'decide', ...on, by: 'grigorenko', key: 'government-apparatus', decision: 'approve' },
  ]
  for (const command of steps) expect(await sandbox.attempt(command)).toMatchObject({ kind: 'accepted' })
  return { sandbox, history: await sandbox.engine.history(SANDBOX_INITIATIVE) }
}

const context = (sandbox: Sandbox) => ({
  keyring: sandbox.audit.keyring,
  signedRequired: sandbox.audit.signedRequired,
  log: sandbox.audit.log,
  timestamp: Math.floor(sandbox.now() / 1000),
})

describe('keys made in the page', () => {
  it('gives each principal its own key, and the keyring lists only the policy’s principals', () => {
    const { keys, keyringChange } = makeSessionKeys(policy, ['outsider'])
    expect(keys.map((k) => k.principal)).toEqual([...policy.principals.map((p) => p.id), 'outsider'])
    expect(new Set(keys.map((k) => k.publicKey)).size).toBe(keys.length)
    expect(keyOf(keys, 'outsider')?.inKeyring).toBe(false)
    expect(keyringChange?.add.map((e) => e.principal)).toEqual(policy.principals.map((p) => p.id))
    // Signed by one key of each key-holding institution, as the engine demands.
    expect(keyringChange?.signatures.length).toBe(2)
    const oreshkin = keyOf(keys, 'oreshkin')
    expect(oreshkin?.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/)
    expect(oreshkin?.keyId).toBe(`oreshkin-${oreshkin?.fingerprint.slice(0, 4)}`)
    expect(fingerprintOf(oreshkin?.publicKey ?? '')).toBe(oreshkin?.fingerprint)
  })

  it('runs the engine with identity: signed and stores each command signed by its actor', async () => {
    const { sandbox, history } = await approvedSandbox()
    expect(sandbox.engine.policy.identity).toBe('signed')
    expect(history.map((e) => e.command?.signature?.keyId)).toEqual([
      keyOf(sandbox.audit.keys.keys, 'minzifry')?.keyId,
      keyOf(sandbox.audit.keys.keys, 'minzifry')?.keyId,
      keyOf(sandbox.audit.keys.keys, 'oreshkin')?.keyId,
      keyOf(sandbox.audit.keys.keys, 'grigorenko')?.keyId,
    ])
    // The outsider's key is not in the keyring: the engine refuses it before judging the rules.
    const outsider = await sandbox.attempt({ type: 'withdraw', ...on, by: 'outsider' })
    expect(outsider).toMatchObject({ kind: 'refused', code: 'UNAUTHENTICATED' })
    expect(outsider.kind === 'refused' && outsider.reasons.join()).toContain('is not in keyring version 1')
  })
})

describe('the witnessed log', () => {
  it('publishes a checkpoint after each accepted command, cosigned by both witnesses', async () => {
    const { sandbox, history } = await approvedSandbox()
    const latest = sandbox.audit.log.latest()
    expect(latest?.size).toBe(history.length)
    expect(latest?.note.split('\n')[0]).toBe('playground.twokeys.example/log')
    expect(sandbox.audit.log.cosignedBy(latest?.note ?? '')).toEqual(['pa', 'ga'])
    for (const w of sandbox.audit.log.witnesses) expect(w.size).toBe(history.length)
    // A forged cosignature line does not count.
    const tampered = (latest?.note ?? '').replace(/\n(\d+)\n/, (_m, n) => `\n${Number(n) + 1}\n`)
    expect(sandbox.audit.log.cosignedBy(tampered)).toEqual([])
  })

  it('a witness cosigns only a log that extends the one it cosigned', async () => {
    const { history } = await approvedSandbox()
    const log = createWitnessedLog()
    log.publish(history.slice(0, 3), 1)
    expect(log.latest()?.size).toBe(3)
    // Grows: both cosign.
    expect(log.publish(history, 2).answers.every((a) => a.ok)).toBe(true)
    // Shrinks: both refuse, and the latest checkpoint stays.
    const shrunk = log.publish(history.slice(0, 2), 3)
    expect(shrunk.answers.map((a) => a.ok)).toEqual([false, false])
    expect(shrunk.answers[0]?.ok === false && shrunk.answers[0].reason).toContain('smaller (2 events)')
    expect(log.latest()?.size).toBe(4)
    // Rewritten: no consistency proof, whatever proof the log hands over.
    const rewritten = forge(history, 2, 'rewrite-history').events
    expect(log.publish(rewritten, 4).answers.map((a) => a.ok)).toEqual([false, false])
    const witness = log.witnesses[0]
    if (witness === undefined) throw new Error('no witness')
    const honestProof = consistencyProof(leavesOf([...history, ...history.slice(0, 1)]), 4)
    const note = log.publish(rewritten, 5, { remember: false }).note
    expect(askWitness(witness, verifierOf(log.logKey), note, honestProof, 6, false)).toMatchObject({
      ok: false,
    })
    // One witness siding with the operator is not both.
    const colluded = log.publish(rewritten, 7, { remember: false, lenient: 'pa' })
    expect(log.cosignedBy(colluded.note)).toEqual(['pa'])
  })
})

describe('the three forgeries and the check that catches each', () => {
  it('the untouched log passes every check', async () => {
    const { sandbox, history } = await approvedSandbox()
    const report = runChecks(history, context(sandbox))
    expect(report.checks.map((c) => [c.id, c.ok])).toEqual([
      ['hash', true],
      ['link', true],
      ['signature', true],
      ['checkpoint', true],
      ['witness', true],
    ])
    expect(report.caughtBy).toBeNull()
  })

  it('a forged signature: hashes and links pass, the signature check catches it', async () => {
    const { sandbox, history } = await approvedSandbox()
    const forged = forge(history, 4, 'forge-signature')
    expect(forged.change).toContain('"approve" → "refuse"')
    expect(forged.events[3]?.event).toMatchObject({ type: 'DECIDE', decision: 'refuse' })
    expect(forged.events[3]?.command).toMatchObject({ type: 'decide', decision: 'refuse' })
    expect(verifyAudit(forged.events).ok).toBe(true)
    const report = runChecks(forged.events, context(sandbox))
    expect(report.caughtBy).toBe('signature')
    expect(report.checks.find((c) => c.id === 'signature')?.detail).toContain('the signature of "grigorenko"')
  })

  it('a forged signature on an unsigned event picks the newest signed decision', async () => {
    const { history } = await approvedSandbox()
    expect(forge(history, 2, 'forge-signature').seq).toBe(4)
  })

  it('history rewritten with every hash recomputed: chains and signatures pass, the checkpoint catches it', async () => {
    const { sandbox, history } = await approvedSandbox()
    const forged = forge(history, 3, 'rewrite-history')
    expect(verifyAudit(forged.events).ok).toBe(true)
    expect(forged.events[2]?.event.at).toBe((history[2]?.event.at ?? 0) - 86_400_000)
    const report = runChecks(forged.events, context(sandbox))
    expect(report.checks.slice(0, 3).every((c) => c.ok)).toBe(true)
    expect(report.caughtBy).toBe('checkpoint')
    const witness = report.checks.find((c) => c.id === 'witness')
    expect(witness?.ok).toBe(false)
    expect(witness?.detail).toContain('no consistency proof')
  })

  it('a cut-off tail: chains and signatures pass, the checkpoint catches it', async () => {
    const { sandbox, history } = await approvedSandbox()
    const forged = forge(history, 3, 'cut-tail')
    expect(forged.events.map((e) => e.seq)).toEqual([1, 2])
    expect(forged.change).toBe('dropped the newest 2 events (seq 3–4)')
    expect(verifyAudit(forged.events).ok).toBe(true)
    const report = runChecks(forged.events, context(sandbox))
    expect(report.caughtBy).toBe('checkpoint')
    expect(report.checks.find((c) => c.id === 'checkpoint')?.detail).toContain(
      'The log has 2 events, but both witnesses cosigned a checkpoint of 4 events',
    )
    expect(report.checks.find((c) => c.id === 'witness')?.detail).toContain('smaller')
  })

  it('the old forgeries are caught by the hash and the link checks', async () => {
    const { sandbox, history } = await approvedSandbox()
    const edited = structuredClone(history)
    ;(edited[1] as RecordedEvent).event.at -= 1
    expect(runChecks(edited, context(sandbox)).caughtBy).toBe('hash')
    const { eventHash } = await import('../../src/domain/eventHash.js')
    ;(edited[1] as RecordedEvent).hash = eventHash(edited[1] as RecordedEvent)
    expect(runChecks(edited, context(sandbox)).caughtBy).toBe('link')
  })
})

describe('the lesson “Why neither an operator nor one institution can rewrite what was decided”', () => {
  it('runs its story for real: each forgery caught where it says, one witness and one institution not enough', async () => {
    const { runRewriteLesson } = await import('../../web/src/lessons/rewriteLesson.js')
    const steps = await runRewriteLesson(policy)
    expect(steps.map((s) => s.id)).toEqual([
      'keys',
      'signed',
      'witnessed',
      'forge-signature',
      'rewrite-history',
      'cut-tail',
      'one-witness',
      'one-institution-keyring',
      'summary',
    ])
    const caught = Object.fromEntries(steps.map((s) => [s.id, s.report?.caughtBy]))
    expect(caught).toMatchObject({
      'forge-signature': 'signature',
      'rewrite-history': 'checkpoint',
      'cut-tail': 'checkpoint',
    })
    const step = (id: string) => steps.find((s) => s.id === id)?.lines.join('\n') ?? ''
    expect(step('witnessed')).toContain('✓ the Presidential Administration witness cosigned')
    expect(step('witnessed')).toContain('✓ the Government Apparatus witness cosigned')
    expect(step('one-witness')).toContain('✓ the Presidential Administration witness cosigned')
    expect(step('one-witness')).toContain('✖ the Government Apparatus witness did not cosign')
    expect(step('one-institution-keyring')).toContain(
      'The engine refuses it (UNAUTHENTICATED): keyring change refused: no valid signature from institution "government-apparatus"',
    )
  })
})
