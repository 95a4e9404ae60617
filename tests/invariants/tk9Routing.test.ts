import { describe, expect, it } from 'vitest'
import type { InitiativeContent } from '../../src/domain/InitiativeContent.js'
import { tk9Routing } from '../../src/invariants/tk9Routing.js'
import { day, exportContent, federalContent, GA, PA, regionalContent, Scenario } from '../support/fixtures.js'
import { seedPolicy } from '../support/policies.js'

const approved = (content: InitiativeContent, sponsor = 'minek') =>
  new Scenario(seedPolicy)
    .propose(sponsor, content)
    .submit()
    .approve('oreshkin', PA, day(1))
    .approve('grigorenko', GA, day(2))

describe('TK9 routing', () => {
  it('holds: a regional initiative reaches its regions, each answered by its governor', () => {
    const s = approved(regionalContent)
    expect(s.snapshot.value).toBe('regionalRollout')
    s.send({ type: 'RESPOND', by: 'gov-novosibirsk', at: day(3), region: 'novosibirsk', accept: false })
    s.send({ type: 'RESPOND', by: 'gov-tatarstan', at: day(4), region: 'tatarstan', accept: true })
    expect(s.snapshot.value).toBe('completed')
    const e = approved(exportContent).send({
      type: 'DESTINATION',
      by: 'minek',
      at: day(3),
      destination: 'armenia',
      agreed: true,
    })
    expect([...s.steps, ...e.steps].flatMap((step) => tk9Routing.check(seedPolicy, step))).toEqual([])
  })

  it('reports a track other than the routing rules give, or a rollout of another track', () => {
    const s = approved(federalContent)
    const tick = { type: 'TICK' as const, at: day(3) }
    expect(
      tk9Routing.check(seedPolicy, s.stepTo(tick, s.forge({ track: 'export' }, 'exportRollout'))),
    ).not.toEqual([])
    const messages = tk9Routing
      .check(seedPolicy, s.stepTo(tick, s.forge({}, 'regionalRollout')))
      .map((v) => v.message)
    expect(messages).toEqual([
      'the initiative took track "regional" but its routing rules give "federal" for objective "infrastructure" and scope "federal"',
      'the initiative is in "regionalRollout" but its track is "federal"',
    ])
  })

  it('reports an answer by someone other than the governor, or for a region not named', () => {
    const respond = {
      type: 'RESPOND' as const,
      by: 'gov-nizhny',
      at: day(3),
      region: 'tatarstan',
      accept: true,
    }
    const byOther = tk9Routing.check(seedPolicy, approved(regionalContent).force(respond).lastStep)
    expect(byOther.map((v) => v.message)).toEqual([
      'region "tatarstan" answered through a RESPOND by "gov-nizhny"; only its governor "gov-tatarstan" may answer for it',
    ])
    const unnamed = { ...respond, region: 'nizhny-novgorod' }
    expect(
      tk9Routing.check(seedPolicy, approved(regionalContent).force(unnamed).lastStep)[0]?.message,
    ).toContain('reaches only "tatarstan", "novosibirsk"')
  })

  it('reports an answer outside the rollout, and a destination recorded by someone else', () => {
    const s = new Scenario(seedPolicy).propose('minek', regionalContent).submit()
    s.force({ type: 'RESPOND', by: 'gov-tatarstan', at: day(1), region: 'tatarstan', accept: true })
    expect(tk9Routing.check(seedPolicy, s.lastStep)[0]?.message).toBe(
      '"tatarstan" answered while the initiative was in "review", not in the regional rollout',
    )
    const e = approved(exportContent).force({
      type: 'DESTINATION',
      by: 'oreshkin',
      at: day(3),
      destination: 'armenia',
      agreed: true,
    })
    expect(tk9Routing.check(seedPolicy, e.lastStep)[0]?.message).toBe(
      'destination "armenia" was recorded through a DESTINATION by "oreshkin", not by the sponsor "minek"',
    )
  })

  it('reports a region answering twice, and a regional rollout completed without every answer', () => {
    const s = approved(regionalContent).send({
      type: 'RESPOND',
      by: 'gov-tatarstan',
      at: day(3),
      region: 'tatarstan',
      accept: true,
    })
    const again = {
      type: 'RESPOND' as const,
      by: 'gov-tatarstan',
      at: day(4),
      region: 'tatarstan',
      accept: false,
    }
    expect(tk9Routing.check(seedPolicy, s.stepTo(again, s.snapshot))[0]?.message).toContain(
      'answered twice (true → false)',
    )
    const done = s.forge({ closedAt: day(4) }, 'completed')
    expect(tk9Routing.check(seedPolicy, s.stepTo({ type: 'TICK', at: day(4) }, done))[0]?.message).toContain(
      'completed without an answer from "novosibirsk"',
    )
  })

  it('reports export to a destination that is not friendly, by the recorded content', () => {
    const s = approved(exportContent)
    const content = { ...exportContent, scope: { kind: 'export' as const, destinations: ['narnia'] } }
    s.force({ type: 'AMEND', by: 'minek', at: day(3), content })
    expect(tk9Routing.check(seedPolicy, s.lastStep).map((v) => v.message)).toContain(
      'export goes to "narnia", not on the friendly-destinations list',
    )
  })
})
