import type { BrowserContext, Page } from 'playwright-core';

/**
 * Time to content measured inside the browser, so no Node round-trip is in the figure: the host
 * page notes `performance.now()` as it clicks the app icon; a MutationObserver in the sidebar
 * iframe (same origin) reports each change of `[data-testid="sidebar"]`'s `data-state` to the
 * host page synchronously, which notes its own `performance.now()`. One clock, no skew.
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

interface Probe {
  clickAt?: number;
  final?: 'ready' | 'error';
  finalAt?: number;
  states: ProbeState[];
  start(): void;
  report(state: string): void;
}

type ProbeWindow = Window & { __sidebarProbe?: Probe };

/** Runs in every frame of every page of the context (Playwright init script). */
function probeScript(): void {
  const probeWindow = window as ProbeWindow;
  if (window === window.top) {
    const probe: Probe = {
      states: [],
      start() {
        Object.assign(probe, { clickAt: performance.now(), final: undefined, finalAt: undefined, states: [] });
      },
      report(state) {
        if (probe.clickAt === undefined) return;
        const atMs = performance.now() - probe.clickAt;
        probe.states.push({ state, atMs });
        if (probe.final === undefined && (state === 'ready' || state === 'error')) Object.assign(probe, { final: state, finalAt: atMs });
      },
    };
    probeWindow.__sidebarProbe = probe;
    return;
  }
  let last: string | undefined;
  const check = () => {
    const state = document.querySelector('[data-testid="sidebar"]')?.getAttribute('data-state') ?? undefined;
    if (state === last || state === undefined) return;
    last = state;
    const top: ProbeWindow | null = window.top;
    top?.__sidebarProbe?.report(state);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

/**
 * The script as source text. tsx compiles with esbuild's keepNames, which wraps inner functions
 * in `__name(…)`: a helper the browser does not have, so a no-op one comes along.
 */
export function browserSource(script: () => void): string {
  return `(() => { const __name = (target) => target; (${script.toString()})(); })();`;
}

export async function installSidebarProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: browserSource(probeScript) });
}

/**
 * Clicks the placement's app icon from inside the page and waits (in the page) for the sidebar
 * to reach `ready` or `error`. The page must be loaded with the icon present.
 */
export async function timeOpen(page: Page, placeholder: string, timeoutMs = 30_000): Promise<OpenTiming> {
  await page.evaluate((selector) => {
    const probe = (window as ProbeWindow).__sidebarProbe;
    const icon = document.querySelector<HTMLElement>(selector);
    if (probe === undefined || icon === null) throw new Error(`no probe or no icon ${selector}`);
    probe.start();
    icon.click();
  }, `[data-testid="fdk-app-icon"][data-placeholder="${placeholder}"]`);
  await page.waitForFunction(() => (window as ProbeWindow).__sidebarProbe?.finalAt !== undefined, undefined, { timeout: timeoutMs });
  return page.evaluate(() => {
    const probe = (window as ProbeWindow).__sidebarProbe as Probe;
    return { ms: probe.finalAt as number, final: probe.final as 'ready' | 'error', states: probe.states };
  });
}
