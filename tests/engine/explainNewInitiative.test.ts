import { expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const federal = {
  by: 'minzifry',
  title: 'GPU cluster',
  objective: 'infrastructure',
  scope: { kind: 'federal' as const },
}

it('explains a proposal without an id as a new initiative, whatever ids exist', async () => {
  const engine = createEngine({ policy: twoKeys, clock: manualClock('2026-03-01T09:00:00Z') })
  // The placeholder the engine once used is not a well-formed id, so no initiative can take it.
  await expect(engine.propose({ ...federal, initiativeId: '(new initiative)' })).rejects.toMatchObject({
    code: 'COMMAND_INVALID',
  })
  await engine.propose({ ...federal, initiativeId: 'new-initiative' })
  expect(await engine.explain({ type: 'propose', ...federal })).toMatchObject({ allowed: true })
  expect(await engine.explain({ type: 'propose', ...federal, initiativeId: 'new-initiative' })).toMatchObject(
    {
      allowed: false,
    },
  )
  expect((await engine.list()).map((s) => s.initiativeId)).toEqual(['new-initiative'])
})
