/** What an element builder takes as a child: nodes, text, nothing, or lists of them. */
export type Child = Node | string | number | null | undefined | false | readonly Child[]

type Listener = (event: Event) => void
export type Attrs = Record<string, string | number | boolean | null | undefined | Listener>

function apply(element: Element, attrs: Attrs, children: readonly Child[]): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value)
    else if (value === true) element.setAttribute(name, '')
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(name, String(value))
  }
  element.append(...flatten(children))
}

function flatten(children: readonly Child[]): (Node | string)[] {
  return children.flatMap((child): (Node | string)[] => {
    if (child === null || child === undefined || child === false) return []
    if (Array.isArray(child)) return flatten(child)
    return [typeof child === 'number' ? String(child) : (child as Node | string)]
  })
}

/**
 * Builds an HTML element: `h('button', { type: 'button', onClick }, 'Approve')`. Attributes
 * named `on…` with a function value are event listeners; `true` sets an empty attribute and
 * `false`, `null` or `undefined` leaves it out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  apply(element, attrs, children)
  return element
}

/** The same for SVG elements. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag)
  apply(element, attrs, children)
  return element
}
