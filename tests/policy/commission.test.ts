import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { safeParsePolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { refusal } from '../support/refusal.js'

const seed = loadPolicyFile('machines/policies/seed.yaml')
const seedDocument = () =>
  parse(readFileSync('machines/policies/seed.yaml', 'utf8')) as Record<string, unknown>

/** An initiative submitted on day 0 whose window has closed into the plenary (day 31). */
async function inPlenary() {
  const clock = manualClock('2026-03-02T09:00:00Z')
  const engine = createEngine({ policy: seed, clock })
  const { initiativeId: id } = await engine.propose({
    by: 'gov-novosibirsk',
    title: 'Data centre',
    objective: 'infrastructure',
    scope: { kind: 'regional', regions: ['novosibirsk'] },
  })
  await engine.submit(id, { by: 'gov-novosibirsk' })
  clock.advance({ days: 31 })
  await engine.tick()
  return { engine, clock, id }
}

describe('the commission as a body: a plenary quorum of members', () => {
  it('returns the initiative to its sponsor on the votes of a quorum of members, and turns no key', async () => {
    const { engine, id } = await inPlenary()
    expect((await engine.status(id)).phase).toBe('plenary')
    const quorum = seed.commission?.plenaryQuorum ?? 0
    const members = seed.commission?.members ?? []
    expect(quorum).toBe(3)
    for (const by of members.slice(0, quorum - 1)) {
      await engine.plenary(id, { by, vote: 'return' })
      expect((await engine.status(id)).phase).toBe('plenary')
    }
    await engine.plenary(id, { by: members[quorum - 1] as string, vote: 'return' })
    const status = await engine.status(id)
    expect(status.phase).toBe('returned')
    expect(status.keys.map((k) => k.status)).not.toContain('turned')
    // The sponsor may amend and resubmit: a new window, a new plenary session if it comes to that.
    await engine.amend(id, { by: 'gov-novosibirsk', summary: 'a smaller first phase' })
    expect((await engine.status(id)).phase).toBe('review')
  })

  it('refuses a vote from a non-member, a second vote from one member, and any vote outside the plenary', async () => {
    const { engine, id } = await inPlenary()
    const outsider = await refusal(engine.plenary(id, { by: 'gov-nizhny', vote: 'return' }))
    expect(outsider.code).toBe('NOT_AUTHORIZED')
    expect(outsider.phrases?.map((p) => p.key)).toEqual(['rule.actorIsMember'])
    await engine.plenary(id, { by: 'minek', vote: 'return' })
    const twice = await refusal(engine.plenary(id, { by: 'minek', vote: 'return' }))
    expect(twice.phrases?.map((p) => p.key)).toEqual(['rule.memberHasNotVoted'])
    expect((await engine.status(id)).phase).toBe('plenary')

    const early = createEngine({ policy: seed, clock: manualClock(0) })
    const { initiativeId } = await early.propose({
      by: 'minzifry',
      title: 't',
      objective: 'infrastructure',
      scope: { kind: 'federal', ministries: ['minzifry'] },
    })
    await early.submit(initiativeId, { by: 'minzifry' })
    const notYet = await refusal(early.plenary(initiativeId, { by: 'minek', vote: 'return' }))
    expect(notYet.message).toMatch(/PLENARY is accepted only in plenary/)
  })

  it('lets a plenary vote no more after the plenary closes: the initiative lapses', async () => {
    const { engine, clock, id } = await inPlenary()
    await engine.plenary(id, { by: 'minek', vote: 'return' })
    clock.advance({ days: 15 })
    await engine.tick()
    expect((await engine.status(id)).phase).toBe('lapsed')
  })

  it.each([
    [
      { members: ['minzifry', 'nobody'], plenaryQuorum: 1 },
      'commission.members[1]',
      'member "nobody" is not a principal',
    ],
    [{ members: ['minzifry', 'minzifry'], plenaryQuorum: 1 }, 'commission.members[1]', 'listed twice'],
    [{ members: ['minzifry'], plenaryQuorum: 2 }, 'commission.plenaryQuorum', '2 is more than the 1 member'],
  ])('refuses the commission %j at %s', (commission, path, message) => {
    const result = safeParsePolicy({ ...seedDocument(), commission })
    expect(result.success).toBe(false)
    const issue = !result.success ? result.issues.find((i) => i.message.includes(message)) : undefined
    expect(issue, JSON.stringify(!result.success && result.issues)).toBeDefined()
    expect(issue?.path.join('.').replace(/\.(\d+)/g, '[$1]')).toBe(path)
  })

  it('refuses a commission where a closed window lapses: it would never sit', () => {
    const doc = seedDocument()
    const result = safeParsePolicy({ ...doc, review: { ...(doc.review as object), onClose: 'lapse' } })
    expect(!result.success && result.issues.map((i) => i.message)).toContainEqual(
      expect.stringContaining('set onClose: plenary or remove commission'),
    )
  })
})
