import { expect } from 'vitest'
import { twokeys } from './runCli.js'

/** A demo principal's private key file. */
export const demoKey = (who: string) => `examples/demo-keys/${who}.key.json`

/**
 * The operator's signed steps on one initiative, wherever `on` sends them (`--db … --policy …` or
 * `--server …`): minzifry proposes and submits it, Oreshkin turns the Presidential Administration
 * key — each signed with its actor's demo key, each accepted.
 */
export async function proposeSubmitApprove(on: readonly string[], id: string): Promise<void> {
  const signed = (who: string, ...args: string[]) => twokeys(...args, ...on, '--key', demoKey(who))
  for (const run of [
    () =>
      signed(
        'minzifry',
        'propose',
        '--id',
        id,
        '--title',
        `GPU cluster ${id}`,
        '--objective',
        'infrastructure',
        '--scope',
        'federal',
      ),
    () => signed('minzifry', 'submit', id),
    () =>
      signed('oreshkin', 'decide', id, '--key-id', 'presidential-administration', '--decision', 'approve'),
  ]) {
    const result = await run()
    expect(result.code, result.stdout + result.stderr).toBe(0)
  }
}
