import { act, waitFor } from '@testing-library/react';

/** Test helpers for the Crayons controls the field editors render (shadow DOM, custom events). */

export async function shadowChild<T extends Element>(element: Element, selector: string): Promise<T> {
  return waitFor(() => {
    const found = element.shadowRoot?.querySelector<T>(selector);
    if (found === null || found === undefined) throw new Error(`${element.tagName} has not rendered ${selector}`);
    return found;
  });
}

/** Type into an fw-input / fw-textarea the way the browser does: set the native value, fire input. */
export async function typeInto(element: Element, text: string): Promise<void> {
  const native = await shadowChild<HTMLInputElement | HTMLTextAreaElement>(element, 'input, textarea');
  act(() => {
    native.value = text;
    native.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  });
}

/** Run `fire` in act and let the promises it starts (an awaited save) settle before looking. */
export async function actAndSettle(fire: () => void): Promise<void> {
  await act(async () => {
    fire();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** A key press inside a Crayons control; it leaves the shadow root like a real one (composed). */
export async function pressKey(element: Element, key: string): Promise<void> {
  const native = await shadowChild<HTMLElement>(element, 'input, textarea');
  await actAndSettle(() => {
    native.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  });
}

/** Click an fw-button's inner button and let what the click starts (a save, a submit) settle. */
export async function clickAndSettle(fwButton: Element): Promise<void> {
  const inner = await shadowChild<HTMLButtonElement>(fwButton, 'button');
  await actAndSettle(() => inner.click());
}

/** What fw-select / fw-datepicker / fw-checkbox emit, dispatched on the host. */
export function fireCrayons(element: Element, name: string, detail: unknown): void {
  act(() => {
    element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  });
}
