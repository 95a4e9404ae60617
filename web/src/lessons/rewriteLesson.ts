import type { CommandInput } from '../../../src/domain/Command.js'
import { isTwoKeysError } from '../../../src/domain/TwoKeysError.js'
import { keyringHash } from '../../../src/identity/KeyringChange.js'
import { newKeyPair } from '../../../src/identity/PrivateKeyFile.js'
import { signKeyringChange } from '../../../src/identity/signKeyringChange.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { type CheckReport, runChecks } from '../audit/auditChecks.js'
import { forge } from '../audit/forgeries.js'
import { keyringRefusal } from '../audit/keyProblemText.js'
import { KEYS_VALID_FROM, keyOf } from '../audit/principalKeys.js'
import { shortRoot, WITNESSES, type WitnessId, witnessLabel } from '../audit/witnessedLog.js'
import { createSandbox, SANDBOX_INITIATIVE } from '../createSandbox.js'
import { eventTypeName } from '../eventTypeWord.js'
import { t } from '../i18n/language.js'

/** One step of the lesson: what happened, lines of facts the code produced, and the checks, if any were run. */
export interface LessonStep {
  id: string
  title: string
  say: string
  lines: string[]
  report?: CheckReport
  /** Who stopped it, for the steps where someone tries to rewrite. */
  stoppedBy?: string
}

const on = { initiativeId: SANDBOX_INITIATIVE }

const cosignedLine = (id: WitnessId, ok: boolean) =>
  t(ok ? 'lesson.cosigned' : 'lesson.notCosigned', { label: witnessLabel(id) })

/**
 * Runs the lesson's story for real, in a fresh playground session: keys made here, four signed
 * commands, a checkpoint both witnesses cosign; then the operator's three forgeries with every
 * check run on each, a witness that sides with the operator, and a keyring change signed by one
 * institution alone, which the engine refuses.
 */
export async function runRewriteLesson(policy: Policy): Promise<LessonStep[]> {
  const sandbox = createSandbox(policy)
  const { keys } = sandbox.audit.keys
  const describeKey = (principal: string) => {
    const k = keyOf(keys, principal)
    return k === undefined
      ? principal
      : t('lesson.keyLine', { principal, keyId: k.keyId, fingerprint: k.fingerprint })
  }
  const steps: LessonStep[] = [
    {
      id: 'keys',
      title: t('lesson.keysTitle'),
      say: t('lesson.keysSay'),
      lines: ['minzifry', 'oreshkin', 'grigorenko'].map(describeKey),
    },
  ]

  const commands: CommandInput[] = [
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
  for (const command of commands) {
    const outcome = await sandbox.attempt(command)
    if (outcome.kind === 'refused')
      throw new Error(`the lesson's ${command.type} was refused: ${outcome.reasons.join('; ')}`)
  }
  const history = await sandbox.engine.history(SANDBOX_INITIATIVE)
  steps.push({
    id: 'signed',
    title: t('lesson.signedTitle'),
    say: t('lesson.signedSay'),
    lines: history.map((e) =>
      t('lesson.signedLine', {
        seq: e.seq,
        type: eventTypeName(e.event.type),
        by: e.command?.by ?? '',
        keyId: e.command?.signature?.keyId ?? '',
      }),
    ),
  })

  const latest = sandbox.audit.log.latest()
  const cosigned = latest === null ? [] : sandbox.audit.log.cosignedBy(latest.note)
  steps.push({
    id: 'witnessed',
    title: t('lesson.witnessedTitle'),
    say: t('lesson.witnessedSay'),
    lines: [
      t('lesson.checkpointLine', {
        origin: latest?.origin ?? '',
        size: latest?.size ?? 0,
        root: latest === null ? '' : shortRoot(latest.root),
      }),
      ...WITNESSES.map((w) => cosignedLine(w.id, cosigned.includes(w.id))),
    ],
  })

  const context = {
    keyring: sandbox.audit.keyring,
    signedRequired: sandbox.audit.signedRequired,
    log: sandbox.audit.log,
    timestamp: Math.floor(sandbox.now() / 1000),
  }
  const forgeries = [
    { id: 'forge-signature', seq: 4, title: t('lesson.forgeTitle'), say: t('lesson.forgeSay') },
    { id: 'rewrite-history', seq: 3, title: t('lesson.rewriteTitle'), say: t('lesson.rewriteSay') },
    { id: 'cut-tail', seq: 4, title: t('lesson.cutTitle'), say: t('lesson.cutSay') },
  ] as const
  for (const f of forgeries) {
    const forged = forge(history, f.seq, f.id)
    const report = runChecks(forged.events, context)
    steps.push({
      id: f.id,
      title: f.title,
      say: f.say,
      lines: [t('lesson.operatorDid', { change: forged.change })],
      report,
      stoppedBy: report.caughtBy ?? 'nobody',
    })
  }

  // One institution sides with the operator: its witness cosigns the rewritten log unchecked.
  const rewritten = forge(history, 3, 'rewrite-history').events
  const colluded = sandbox.audit.log.publish(rewritten, context.timestamp, { remember: false, lenient: 'pa' })
  const colludedBy = sandbox.audit.log.cosignedBy(colluded.note)
  const refusal = colluded.answers.find((a) => !a.ok)
  steps.push({
    id: 'one-witness',
    title: t('lesson.oneWitnessTitle'),
    say: t('lesson.oneWitnessSay'),
    lines: [
      ...WITNESSES.map((w) => cosignedLine(w.id, colludedBy.includes(w.id))),
      ...(refusal === undefined || refusal.ok ? [] : [t('lesson.refusedLine', { reason: refusal.reason })]),
      t('lesson.needsBoth', { have: colludedBy.length, need: WITNESSES.length }),
    ],
    stoppedBy: 'witness',
  })

  // One institution adds a key for the other's co-chair: the keyring needs both.
  const keyring = sandbox.audit.keyring
  const pa = keyOf(keys, 'oreshkin')
  let answer: string = t('lesson.keyringAccepted')
  if (keyring !== null && pa !== undefined) {
    const { entry } = newKeyPair('grigorenko', 'grigorenko-by-pa', KEYS_VALID_FROM)
    const change = signKeyringChange(
      { base: keyringHash(keyring), version: keyring.version + 1, add: [entry], revoke: [], signatures: [] },
      pa.privateKey,
    )
    try {
      await sandbox.engine.changeKeyring(change)
    } catch (error) {
      if (!isTwoKeysError(error)) throw error
      answer = t('lesson.keyringRefused', { code: error.code, message: keyringRefusal(error) })
    }
  }
  steps.push({
    id: 'one-institution-keyring',
    title: t('lesson.keyringTitle'),
    say: t('lesson.keyringSay'),
    lines: [answer],
    stoppedBy: 'keyring',
  })
  steps.push({
    id: 'summary',
    title: t('lesson.summaryTitle'),
    say: t('lesson.summarySay'),
    lines: [t('lesson.summary1'), t('lesson.summary2'), t('lesson.summary3')],
  })
  return steps
}
