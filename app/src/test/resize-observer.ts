/**
 * jsdom has no ResizeObserver. This stand-in records what is observed and lets a test fire the
 * callback the way the browser would after a layout change.
 */
export class FakeResizeObserver implements ResizeObserver {
  static readonly instances: FakeResizeObserver[] = [];

  readonly targets = new Set<Element>();
  disconnected = false;

  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.instances.push(this);
  }

  observe(target: Element): void {
    this.targets.add(target);
    this.disconnected = false;
  }

  unobserve(target: Element): void {
    this.targets.delete(target);
  }

  disconnect(): void {
    this.targets.clear();
    this.disconnected = true;
  }

  /** Call the callback once with an entry per observed element, as after a resize. */
  trigger(): void {
    if (this.disconnected) return;
    const entries = [...this.targets].map((target) => ({ target }) as ResizeObserverEntry);
    this.callback(entries, this);
  }
}

/** The observers created since the last `resetResizeObservers()`, through the global. */
export function resizeObservers(): FakeResizeObserver[] {
  return (globalThis.ResizeObserver as unknown as typeof FakeResizeObserver).instances;
}

/** Fire every live observer's callback. */
export function triggerResize(): void {
  resizeObservers().forEach((observer) => observer.trigger());
}

export function resetResizeObservers(): void {
  resizeObservers().length = 0;
}
