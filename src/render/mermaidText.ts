/** A statement's indentation in the diagrams. */
export const INDENT = '  '

/**
 * Free text in a statement: Mermaid ends a statement at `;` and a line, reads `#` as an entity
 * and `<…>` as markup.
 */
export function text(value: string): string {
  return value
    .replaceAll(';', ',')
    .replaceAll('#', 'no. ')
    .replaceAll('<', '‹')
    .replaceAll('>', '›')
    .replace(/\s*\n\s*/g, ' ')
}

/** A Gantt task or section name: the same, and no `:`, which starts the task's data. */
export function task(value: string): string {
  return text(value).replaceAll(':', ' ·')
}
