import { describe, expect, it } from 'vitest'
import type { Board } from '../../src/engine/keyBoard.js'
import type { SessionState } from '../../web/src/classroom/SessionState.js'
import { studentActions } from '../../web/src/classroom/studentCommands.js'

const state = {
  clock: 1_000,
  policy: {
    keys: [
      { id: 'pa', label: 'PA', holders: ['oreshkin'], deputies: ['pa-aide'] },
      { id: 'ga', label: 'GA', holders: ['grigorenko'], deputies: [] },
    ],
  },
} as unknown as SessionState

const board = (phase: string, rollout: Board['rollout'] = []) =>
  ({
    initiativeId: 'kazan',
    sponsor: 'minzifry',
    phase,
    revision: { n: 1, hash: 'r1' },
    rollout,
  }) as unknown as Board

const ids = (role: string, b: Board, actingAs = role) =>
  studentActions(role, actingAs, b, state).map((a) => a.id)

describe('what a student is offered on an initiative', () => {
  it('in review: every key to approve or refuse (cheats included), the holder’s delegation, the sponsor’s withdrawal', () => {
    expect(ids('oreshkin', board('review'))).toEqual([
      'approve-pa',
      'refuse-pa',
      'delegate-pa',
      'approve-ga',
      'refuse-ga',
    ])
    expect(ids('minzifry', board('review'))).toEqual([
      'approve-pa',
      'refuse-pa',
      'approve-ga',
      'refuse-ga',
      'withdraw',
    ])
    const delegate = studentActions('oreshkin', 'oreshkin', board('review'), state)[2]
    expect(delegate?.command).toMatchObject({
      type: 'delegate',
      deputy: 'pa-aide',
      until: 1_000 + 7 * 86_400_000,
    })
  })

  it('in a draft: the sponsor submits; nobody decides', () => {
    expect(ids('minzifry', board('draft'))).toEqual(['submit', 'withdraw'])
    expect(ids('oreshkin', board('draft'))).toEqual([])
  })

  it('in a rollout: each pending target to accept or decline, with the command of its track', () => {
    const regional = board('regionalRollout', [
      { target: 'tatarstan', answer: 'pending' },
      { target: 'novosibirsk', answer: 'accepted' },
    ])
    expect(studentActions('gov-tatarstan', 'gov-tatarstan', regional, state).map((a) => a.command)).toEqual([
      { type: 'respond', initiativeId: 'kazan', by: 'gov-tatarstan', region: 'tatarstan', accept: true },
      { type: 'respond', initiativeId: 'kazan', by: 'gov-tatarstan', region: 'tatarstan', accept: false },
    ])
    const exported = board('exportRollout', [{ target: 'belarus', answer: 'pending' }])
    expect(studentActions('minek', 'minek', exported, state)[0]?.command).toMatchObject({
      type: 'destination',
      destination: 'belarus',
      agreed: true,
    })
    expect(ids('oreshkin', board('federalRollout'))).toEqual(['complete'])
  })

  it('for the forger, acting as someone else: the decisions only, signed as that someone', () => {
    const offered = studentActions('forger', 'grigorenko', board('review'), state)
    expect(offered.map((a) => a.id)).toEqual(['approve-pa', 'refuse-pa', 'approve-ga', 'refuse-ga'])
    expect(offered.every((a) => a.command.by === 'grigorenko')).toBe(true)
  })
})
