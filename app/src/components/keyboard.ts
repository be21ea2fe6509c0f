import { useEffect, useRef, type RefObject } from 'react';

/**
 * Crayons selects and date pickers open a popover (an `fw-popover` whose content carries
 * `data-show`) and close it on Escape themselves. Escape and Enter belong to them while it is
 * open, so forms leave those keys alone then.
 */
function hasOpenPopover(host: Element): boolean {
  const popovers = host.shadowRoot?.querySelectorAll('fw-popover') ?? [];
  return [...popovers].some((popover) => (popover.shadowRoot?.querySelector('[data-show]') ?? null) !== null);
}

/** Whether a key event comes from inside a Crayons control whose popup is open. */
export function fromOpenPopup(event: { nativeEvent: Event }): boolean {
  return event.nativeEvent.composedPath().some((node) => node instanceof Element && node.tagName.startsWith('FW-') && hasOpenPopover(node));
}

/** The element the key was pressed in, inside shadow roots too (the native input of an fw-input). */
export function keyOrigin(event: { nativeEvent: Event }): EventTarget | undefined {
  return event.nativeEvent.composedPath()[0];
}

/** Focus moves to the element once it is on screen (a form's first field when the form opens). */
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
