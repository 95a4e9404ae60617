import { describe, expect, it } from 'vitest'
import { sessionDbFile } from '../../src/cli/classroomCommand.js'
import { twokeys } from '../support/runCli.js'

describe('twokeys classroom (the command)', () => {
  it('keeps the first session in the --db file and later ones beside it', () => {
    expect(sessionDbFile('lesson.db', 1)).toBe('lesson.db')
    expect(sessionDbFile('lesson.db', 2)).toBe('lesson-2.db')
    expect(sessionDbFile('/tmp/class/lesson', 3)).toBe('/tmp/class/lesson-3')
  })

  it('refuses a policy it cannot read with exit code 2 before it listens', async () => {
    const run = await twokeys('classroom', '--policy', 'no-such-policy.yaml', '--port', '0')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('no-such-policy.yaml')
  })

  it('refuses a port that is not one', async () => {
    const run = await twokeys('classroom', '--port', '99999')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('"99999" is not a port')
  })
})
