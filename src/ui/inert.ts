/**
 * Makes the page beside `keep` (the UI's container, a child of `<body>`) inert while a modal view
 * is open, and returns what undoes it. `aria-modal` alone leaves the page in Chromium's
 * accessibility tree, so a screen reader's reading cursor would walk out of the dialog into the
 * page behind its backdrop. What the page had made inert itself stays so.
 */
export function inertAround(keep: Element): () => void {
  // A page that rebuilt <body> may have taken the container out: then there is nothing beside it.
  const made = Array.prototype.filter.call(keep.parentElement ? keep.parentElement.children : [], (node: HTMLElement) =>
    node != keep && !node.inert && (node.inert = true)) as HTMLElement[];
  return () => made.forEach((node) => (node.inert = false));
}
