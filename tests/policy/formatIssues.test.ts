import { describe, expect, it } from 'vitest'
import { formatIssues } from '../../src/policy/formatIssues.js'

describe('formatIssues', () => {
  it('prints each issue with its path, then where it is', () => {
    const text = formatIssues(
      [
        {
          code: 'custom',
          path: ['keys', 1, 'quorum'],
          message: '3 is more than the 2 holders of "government-apparatus"; lower the quorum or add holders',
          file: 'two-keys.yaml',
          line: 31,
          column: 13,
        },
        { code: 'syntax', path: [], message: 'YAML syntax error: …', file: 'bad.yaml', line: 2, column: 1 },
        { code: 'invalid_type', path: ['review'], message: 'missing required field "review"' },
      ],
      { color: false },
    )
    expect(text).toMatchInlineSnapshot(`
      "✖ keys[1].quorum: 3 is more than the 2 holders of "government-apparatus"; lower the quorum or add holders
        → at two-keys.yaml:31:13
      ✖ YAML syntax error: …
        → at bad.yaml:2:1
      ✖ review: missing required field "review""
    `)
  })
})
