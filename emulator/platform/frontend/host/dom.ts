/** DOM building for the host page: text always goes in as text nodes, never as markup. */
export type Attrs = Record<string, string | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

export function closeButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'fs-icon-button', 'aria-label': label }, '×');
  button.addEventListener('click', onClick);
  return button;
}

/** Runs after the current task, so a call's answer is posted before the page changes under it. */
export const later = (work: () => void): void => {
  window.setTimeout(work, 0);
};
