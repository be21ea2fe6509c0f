import { act, waitFor } from '@testing-library/react';

/**
 * Crayons components render asynchronously (Stencil schedules its own render), and their React
 * wrappers deliver custom events (`onFwClick`) with `addEventListener('fwClick')` on the host
 * element. `fw-button` emits `fwClick` from the click handler of the native <button> inside its
 * shadow root, so a click on the host element itself does nothing: click the inner button.
 */
export async function shadowButton(fwButton: Element): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const inner = fwButton.shadowRoot?.querySelector('button');
    if (inner === null || inner === undefined) throw new Error('fw-button has not rendered its <button> yet');
    return inner;
  });
}

/** Click an fw-button the way a user does: on the native button it renders. */
export async function clickFwButton(fwButton: Element): Promise<void> {
  const inner = await shadowButton(fwButton);
  act(() => {
    inner.click();
  });
}

/**
 * Run `settle` (which resolves or rejects something the page awaits) inside act, and let the
 * page's promise callbacks and React's updates run before the test looks at the DOM.
 */
export async function settleInAct(settle: () => void): Promise<void> {
  await act(async () => {
    settle();
    await Promise.resolve();
  });
}
