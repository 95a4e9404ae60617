import type { CommandInput } from '../../../src/domain/Command.js'

/** Command n of the crash test: initiative n/4 is proposed, submitted and approved by both keys. */
export function commandNumber(n: number): CommandInput {
  const initiativeId = `init-${Math.floor(n / 4)}`
  const commandId = `cmd-${n}`
  switch (n % 4) {
    case 0:
      return {
        type: 'propose',
        initiativeId,
        commandId,
        by: 'minzifry',
        title: `Initiative ${Math.floor(n / 4)}`,
        objective: 'infrastructure',
        scope: { kind: 'federal' },
      }
    case 1:
      return { type: 'submit', initiativeId, commandId, by: 'minzifry' }
    case 2:
      return {
        type: 'decide',
        initiativeId,
        commandId,
        by: 'oreshkin',
        key: 'presidential-administration',
        decision: 'approve',
      }
    default:
      return {
        type: 'decide',
        initiativeId,
        commandId,
        by: 'grigorenko',
        key: 'government-apparatus',
        decision: 'approve',
      }
  }
}
