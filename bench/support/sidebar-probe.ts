import type { Page } from 'playwright-core';

/**
 * Time to content measured inside the browser, with nothing of the harness in the app's frame:
 * no Playwright init script (each costs every new document a script evaluation) and no polling.
 * One `page.evaluate` in the product page notes `performance.now()`, clicks the app icon, and
 * watches the drawer's iframe (same origin in the emulator) with a MutationObserver from its
 * DOMContentLoaded on; each change of `[data-testid="sidebar"]`'s `data-state` is noted with the
 * page's own clock, so there is one clock and no skew.
 */
export interface ProbeState {
  state: string;
  atMs: number;
}

export interface OpenTiming {
  /** Click to the first `ready` (or `error`), in ms. */
  ms: number;
  final: 'ready' | 'error';
  states: ProbeState[];
}

interface ProbeArgs {
  icon: string;
  frame: string;
  timeoutMs: number;
}

/** Runs in the product page (serialised by Playwright, so self-contained). */
function clickAndWatch({ icon, frame, timeoutMs }: ProbeArgs): Promise<OpenTiming> {
  return new Promise((resolve, reject) => {
    const states: ProbeState[] = [];
    const button = document.querySelector<HTMLElement>(icon);
    if (button === null) return reject(new Error(`no app icon ${icon}`));
    const clickAt = performance.now();
    let last: string | undefined;
    const timer = setTimeout(() => reject(new Error(`no ready or error within ${timeoutMs} ms: ${JSON.stringify(states)}`)), timeoutMs);
    const settle = (state: string, atMs: number) => {
      if (state !== 'ready' && state !== 'error') return;
      clearTimeout(timer);
      resolve({ ms: atMs, final: state, states });
    };
    const check = (doc: Document) => {
      const state = doc.querySelector('[data-testid="sidebar"]')?.getAttribute('data-state') ?? undefined;
      if (state === undefined || state === last) return;
      last = state;
      const atMs = performance.now() - clickAt;
      states.push({ state, atMs });
      settle(state, atMs);
    };
    const watch = (doc: Document) => {
      new MutationObserver(() => check(doc)).observe(doc, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
      check(doc);
    };
    button.click();
    const element = document.querySelector<HTMLIFrameElement>(frame);
    if (element?.contentWindow === null || element?.contentWindow === undefined) return reject(new Error(`no app frame ${frame}`));
    return watchFrame(element, watch);
  });
}

/** Calls `watch` with the app's document once it is parsed: now, or at its DOMContentLoaded. */
function watchFrame(element: HTMLIFrameElement, watch: (doc: Document) => void): void {
  const doc = element.contentDocument;
  if (doc !== null && doc.URL !== 'about:blank' && doc.readyState !== 'loading') return watch(doc);
  // The initial about:blank Window is kept for a same-origin document, so its listener stays.
  element.contentWindow?.addEventListener('DOMContentLoaded', () => element.contentDocument && watch(element.contentDocument), { once: true });
  return undefined;
}

/**
 * Clicks the placement's app icon from inside the page and resolves when the sidebar reaches
 * `ready` or `error`. The page must be loaded with the icon present, its drawer not yet opened.
 */
export async function timeOpen(page: Page, placeholder: string, timeoutMs = 30_000): Promise<OpenTiming> {
  const args: ProbeArgs = {
    icon: `[data-testid="fdk-app-icon"][data-placeholder="${placeholder}"]`,
    frame: `iframe[data-testid="fdk-app-frame"][title="${placeholder}"]`,
    timeoutMs,
  };
  return page.evaluate<OpenTiming>(browserSource(clickAndWatch, args, [watchFrame]));
}

/**
 * The function, called with `args`, as an expression to evaluate, with the top-level `helpers`
 * it calls declared beside it. tsx compiles with esbuild's keepNames, which wraps
 * inner functions in `__name(…)`: a helper the browser does not have, so a no-op one comes along.
 */
export function browserSource<A>(script: (args: A) => unknown, args: A, helpers: Array<(...values: never[]) => unknown> = []): string {
  return `(() => { const __name = (target) => target; ${helpers.map(String).join('\n')}\n return (${script.toString()})(${JSON.stringify(args)}); })()`;
}
