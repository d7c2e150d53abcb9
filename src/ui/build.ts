import { element } from '../gate/dom';

export type Child = Node | string | null | undefined | false;

/**
 * One element of the first layer, attributes set (an undefined one left out) and children appended.
 * Through Document.prototype, as everything the UI puts in a page: see gate/dom.ts.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | undefined>, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = element(document, tag);
  for (const name in attributes) if (attributes[name] != null) node.setAttribute(name, attributes[name]!);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A `<button type="button">` that does `action` when clicked. */
export function button(attributes: Record<string, string | undefined>, text: string, action: () => void): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attributes }, text);
  node.onclick = action;
  return node;
}
