import { expect, it } from 'vitest'
import { type Phrase, renderPhrase } from '../../machines/refusalMessages.js'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
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

it('refuses a proposal under an id that exists with its own words, in English and Russian', async () => {
  const engine = createEngine({ policy: twoKeys, clock: manualClock('2026-03-01T09:00:00Z') })
  await engine.propose({ ...federal, initiativeId: 'kazan' })
  const words = 'initiative "kazan" already exists; propose under a new id'
  const error = await engine.propose({ ...federal, initiativeId: 'kazan' }).catch((e: unknown) => e)
  expect(error).toMatchObject({ code: 'REFUSED', reasons: [words] })
  const { phrases } = error as { phrases: Phrase[] }
  expect(phrases).toEqual([{ key: 'state.alreadyExists', params: { initiative: 'kazan' } }])
  expect(phrases.map((p) => renderPhrase(p, REFUSAL_MESSAGES_RU))).toEqual([
    'инициатива «kazan» уже существует; внесите предложение под новым идентификатором',
  ])
  expect(await engine.explain({ type: 'propose', ...federal, initiativeId: 'kazan' })).toMatchObject({
    allowed: false,
    reasons: [words],
  })
})
