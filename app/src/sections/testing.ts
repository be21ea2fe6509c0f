import { act, waitFor } from '@testing-library/react';

/** The native button an fw-button renders in its shadow root (clicks on the host do nothing). */
function innerButton(fwButton: Element): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const inner = fwButton.shadowRoot?.querySelector('button');
    if (inner === null || inner === undefined) throw new Error('fw-button has not rendered its <button> yet');
    return inner;
  });
}

/** Click an fw-button and let the promises its handler starts settle inside act. */
export async function clickAndSettle(fwButton: Element): Promise<void> {
  const inner = await innerButton(fwButton);
  await act(async () => {
    inner.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** fw-button ignores a second click within 200 ms (its throttleDelay); people are slower. */
export const pastThrottle = () => new Promise((resolve) => setTimeout(resolve, 250));

/** Type into an fw-input the way the browser does: set the native value, fire input. */
export async function typeIntoFw(fwInput: Element, text: string): Promise<void> {
  const native = await waitFor(() => {
    const found = fwInput.shadowRoot?.querySelector('input, textarea');
    if (!(found instanceof HTMLInputElement || found instanceof HTMLTextAreaElement)) throw new Error('fw-input has not rendered');
    return found;
  });
  act(() => {
    native.value = text;
    native.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  });
}
