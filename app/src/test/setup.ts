import '@testing-library/jest-dom';
import { FakeResizeObserver, resetResizeObservers } from './resize-observer';

/** What fw-icon gets instead of an SVG from the CDN: the page must never touch the network. */
export const STUB_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M0 0h16v16H0z"/></svg>';

function stubFetch(): Promise<Response> {
  const answer = {
    ok: true,
    status: 200,
    headers: { get: () => 'image/svg+xml' },
    text: () => Promise.resolve(STUB_SVG),
  };
  return Promise.resolve(answer as unknown as Response);
}

globalThis.fetch = jest.fn(stubFetch);
globalThis.ResizeObserver = FakeResizeObserver;

// React's act() warnings, Crayons' asset errors and the like fail the test that caused them.
const problems: string[] = [];
const originalError = console.error.bind(console);
const originalWarn = console.warn.bind(console);
console.error = (...args: unknown[]) => {
  problems.push(args.map(String).join(' '));
  originalError(...args);
};
console.warn = (...args: unknown[]) => {
  problems.push(args.map(String).join(' '));
  originalWarn(...args);
};

afterEach(() => {
  resetResizeObservers();
  const found = problems.splice(0);
  if (found.length > 0) throw new Error(`console.error/warn during the test:\n${found.join('\n')}`);
});
