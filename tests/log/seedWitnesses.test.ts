import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { twokeys } from '../support/runCli.js'

// seed.yaml gives the President a key of its own institution ("presidency"): a checkpoint of a
// store run under it is settled only when a witness of each of the three institutions cosigns
// it. The README's air-gapped flow, with a third witness, as a user would run it.
const dir = mkdtempSync(join(tmpdir(), 'twokeys-seed-witnesses-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)
const POLICY = 'machines/policies/seed.yaml'
const WITNESSES = ['presidential-administration', 'government-apparatus', 'presidency'] as const

async function ok(...args: string[]): Promise<string> {
  const run = await twokeys(...args)
  if (run.code !== 0) throw new Error(`twokeys ${args.join(' ')} → ${run.code}\n${run.stdout}${run.stderr}`)
  return run.stdout
}

describe('the seed with the President: three institutions, three witnesses', () => {
  it('settles a checkpoint only with a witness of the President too', async () => {
    const db = at('seed.db')
    await ok('run', 'examples/seed-reach-walkthrough.yaml', '--db', db)
    const logVkey = (
      await ok('log', 'key', 'new', '--origin', 'commission.example/twokeys', '--out', at('log.key'))
    ).trim()
    const vkeys: Record<string, string> = {}
    for (const w of WITNESSES) {
      vkeys[w] = (
        await ok('witness', 'key', 'new', '--name', `witness.${w}.example`, '--out', at(`${w}.key`))
      ).trim()
    }
    const file = (institutions: readonly string[]) =>
      `log ${logVkey}\n${institutions.map((w) => `${w} ${vkeys[w]}`).join('\n')}\n`
    writeFileSync(at('all.txt'), file(WITNESSES))
    writeFileSync(at('co-chairs.txt'), file(WITNESSES.slice(0, 2)))

    await ok('log', 'checkpoint', '--db', db, '--key', at('log.key'))
    await ok('log', 'request', '--db', db, '--old', '0', '--out', at('request.txt'))
    for (const w of WITNESSES) {
      const state = ['--state', at(`${w}.state`), '--init', '--log-key', logVkey]
      await ok(
        'witness',
        'cosign',
        '--key',
        at(`${w}.key`),
        ...state,
        '--request',
        at('request.txt'),
        '--out',
        at(`${w}.txt`),
      )
      await ok('log', 'add-cosignatures', at(`${w}.txt`), '--db', db, '--witnesses', at('all.txt'))
    }
    const checkpoint = await ok('log', 'show', '--db', db)
    writeFileSync(at('cp.txt'), checkpoint)
    // One cosignature line per witness, the President's among them.
    for (const w of WITNESSES) expect(checkpoint).toContain(`— witness.${w}.example `)
    await ok('audit', 'export', '--db', db, '--out', at('audit.jsonl'))
    const events = readFileSync(at('audit.jsonl'), 'utf8').trim().split('\n').length

    const verified = await twokeys(
      'audit',
      'verify',
      at('audit.jsonl'),
      '--checkpoint',
      at('cp.txt'),
      '--witnesses',
      at('all.txt'),
      '--policy',
      POLICY,
    )
    expect(verified.code, verified.stdout + verified.stderr).toBe(0)
    expect(verified.stdout).toContain(`the log's first ${events} events are exactly the ones cosigned by`)
    expect(verified.stdout).toContain('presidency')

    // The co-chairs' witnesses alone do not settle history under seed.yaml: the President holds a key.
    const twoOnly = await twokeys(
      'audit',
      'verify',
      at('audit.jsonl'),
      '--checkpoint',
      at('cp.txt'),
      '--witnesses',
      at('co-chairs.txt'),
      '--policy',
      POLICY,
    )
    expect(twoOnly.code).toBe(2)
    expect(twoOnly.stdout + twoOnly.stderr).toContain('names no witness of "presidency", which hold keys in')
  })
})
