import { describe, expect, it } from 'vitest'
import {
  AUDIT_MESSAGES,
  type AuditMessageKey,
  type AuditMessageParams,
  type AuditPhrase,
  renderAuditPhrase,
} from '../../src/audit/auditMessages.js'
import { AUDIT_MESSAGES_RU } from '../../src/audit/auditMessages.ru.js'
import { PROBLEMS_LISTED, ProblemList } from '../../src/audit/ProblemList.js'
import { findingIn, problemsIn } from '../../src/audit/phrasedProblems.js'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { latinWords } from '../cli/latinWords.js'

const CYRILLIC = /[А-Яа-яЁё]/
const at = { position: 3, initiative: 'kazan', seq: 4 }
const refusal = { position: 2, command: 'c-17' }

/** A sample of every message's parameters: a key without one fails the typecheck. */
const SAMPLES: { [K in AuditMessageKey]: AuditMessageParams<K>[] } = {
  'chain.notAnchored': [{ at }],
  'chain.edited': [{ at }],
  'chain.secondCopy': [{ at }],
  'chain.copyOutOfOrder': [{ at, positions: [1, 3] }],
  'chain.reordered': [{ at, seq: 2, position: 5 }],
  'chain.forged': [{ at }],
  'chain.pastAnchor': [{ at }],
  'chain.rehashed': [{ at }],
  'chain.differsFromAnchor': [{ at, seq: 3 }],
  'chain.rehashedBefore': [{ at, seq: 5, position: 4 }],
  'chain.firstLinks': [{ at }],
  'chain.seqChanged': [{ at, seq: 2 }],
  'chain.missing': [
    { position: 3, initiative: 'kazan', from: 2, to: 2, before: 3 },
    { position: 3, initiative: 'kazan', from: 2, to: 4, before: 5 },
  ],
  'chain.split': [
    { position: 3, other: 'perm', initiative: 'kazan', seq: 2, at: 2, nextSeq: 3, nextAt: 4 },
    { position: 3, other: null, initiative: 'kazan', seq: 2, at: 2, nextSeq: 3, nextAt: 4 },
  ],
  'chain.anchorEdited': [{ at, hash: 'a1b2c3d4e5f6…' }],
  'chain.tailDeleted': [{ position: 9, initiative: 'kazan', seq: 3, anchorSeq: 5, hash: 'a1b2c3d4e5f6…' }],
  'chain.malformed': [{ position: 0 }],
  'chain.noEvents': [{ position: 9, initiative: 'kazan', seq: 5 }],
  'problems.more': [{ more: 12 }],
  'rules.broken': [{ at, reason: 'it does not link to the event before it (prevHash)' }],
  'snapshots.badSeal': [{ initiative: 'kazan', seq: 2 }],
  'snapshots.noSuchEvent': [{ initiative: 'kazan', seq: 2 }],
  'snapshots.otherPolicy': [{ initiative: 'kazan', seq: 2, hash: 'a1b2c3d4e5f6…', pinned: 'f6e5d4c3b2a1…' }],
  'snapshots.falseState': [{ initiative: 'kazan', seq: 2 }],
  'snapshots.edited': [{ initiative: 'kazan', seq: 2 }],
  'snapshots.stateUnchecked': [
    { initiative: 'kazan', seq: 2, brokenAt: null },
    { initiative: 'kazan', seq: 2, brokenAt: 7 },
  ],
  'snapshots.unchecked': [
    { initiative: 'kazan', seq: 2, brokenAt: null },
    { initiative: 'kazan', seq: 2, brokenAt: 7 },
  ],
  'snapshots.orphan': [{ initiative: 'kazan', seq: 2 }],
  'policies.missing': [{ hash: 'a1b2c3d4e5f6…' }],
  'policies.edited': [{ hash: 'a1b2c3d4e5f6…', actual: 'f6e5d4c3b2a1…' }],
  'security.blanked': [{ at: refusal }],
  'security.edited': [{ at: refusal }],
  'security.unlinked': [{ at: refusal }],
  'index.twice': [{ command: 'c-17' }],
  'index.reused': [
    { at, command: 'c-17' },
    { at: refusal, command: 'c-17' },
  ],
  'index.eventMissing': [{ at, command: 'c-17' }],
  'index.eventMismatch': [{ at, command: 'c-17', outcome: 'refused', initiative: null }],
  'index.refusalMissing': [{ at: refusal }],
  'index.refusalMismatch': [{ at: refusal, outcome: 'accepted', initiative: 'kazan' }],
  'index.alone': [
    { command: 'c-17', outcome: 'accepted', initiative: 'kazan' },
    { command: 'c-17', outcome: 'refused', initiative: null },
  ],
  'checkpoint.cutOff': [{ events: 3, origin: 'twokeys.example/log', size: 5 }],
  'checkpoint.rewritten': [
    { size: 5, root: 'AbCd+/=', origin: 'twokeys.example/log', cosignedRoot: 'EfGh+/=' },
  ],
  'unplaced.noLogIndex': [{ line: 3 }],
  'unplaced.badLogIndex': [{ line: 3, logIndex: '-1' }],
  'unplaced.notAnEvent': [{ line: 3 }],
  'unplaced.badLogState': [{ line: 3, logState: '"xyz"' }],
  'unplaced.secondEvent': [{ line: 3, logIndex: 2 }],
  'unplaced.gap': [{ logIndex: 2 }],
  'unplaced.leavesDeleted': [{ from: 0, listed: 10, found: 8 }],
  'keyring.change': [
    { version: 2, refused: false, problems: [{ key: 'keyring.notAChange', params: {} }] },
    {
      version: 3,
      refused: true,
      problems: [
        { key: 'key.revoked', params: { keyId: 'alpha-1', at: '2026-03-01T00:00:00Z' } },
        { key: 'keyring.noSignatureFrom', params: { institution: 'beta' } },
      ],
    },
  ],
  'import.differs': [{ initiative: 'kazan', store: 'sqlite', seq: 3 }],
}

describe('the audit messages in Russian', () => {
  it('word every key, and say no English of their own beyond ids, hashes and the ledger’s quoted reason', () => {
    for (const [key, samples] of Object.entries(SAMPLES)) {
      for (const params of samples as object[]) {
        const ru = renderAuditPhrase({ key, params } as AuditPhrase, AUDIT_MESSAGES_RU)
        expect(ru, key).toMatch(CYRILLIC)
        expect(latinWords(ru, ['kazan', 'perm', 'c-17']), key).toEqual([])
      }
    }
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(AUDIT_MESSAGES).sort())
  })

  it('keep the phrases beside a list of problems, and a finding’s, without changing them as data', () => {
    const list = new ProblemList()
    for (let i = 0; i < PROBLEMS_LISTED + 2; i++)
      list.add({ key: 'index.twice', params: { command: `c-${i}` } })
    list.add('a line another checker wrote')
    const problems = list.toArray()
    expect(problems).toHaveLength(PROBLEMS_LISTED + 1)
    expect(problems[0]).toBe('the command index has "c-0" twice')
    expect(problems.at(-1)).toBe('… and 3 more like these')
    expect(JSON.stringify(problems)).toBe(JSON.stringify([...problems]))
    const ru = problemsIn(problems, AUDIT_MESSAGES_RU)
    expect(ru[0]).toBe('в индексе команд «c-0» встречается дважды')
    expect(ru.at(-1)).toBe('… и ещё таких же: 3')
    // A copy without the phrases stays as it was.
    expect(problemsIn([...problems], AUDIT_MESSAGES_RU)).toEqual(problems)

    const result = verifyAudit([{ initiativeId: 'kazan' }])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toBe(
      'position 0: not an event record (it needs a string initiativeId, prevHash and hash and a seq ≥ 1)',
    )
    expect(Object.keys(result)).not.toContain('phrase')
    expect(findingIn(result)).toBe(result.message)
    expect(findingIn(result, AUDIT_MESSAGES_RU)).toMatch(/^позиция 0: это не запись события/)
  })
})
