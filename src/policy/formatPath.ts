/**
 * A path into a policy as a person writes it: `keys[1].quorum`; the empty path is `(root)`.
 *
 * @example
 * formatPath(['keys', 1, 'quorum']) // 'keys[1].quorum'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)'
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$-]*$/.test(segment))
      text += text === '' ? segment : `.${segment}`
    else text += `[${JSON.stringify(String(segment))}]`
  }
  return text
}
