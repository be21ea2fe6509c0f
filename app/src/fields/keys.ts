import { fromOpenPopup } from '../components/keyboard';
import type { FieldDef, FieldKind } from '../model/fields';

/** One-line kinds (and checkboxes): Enter saves the field or submits the form, as in a native form. */
const ONE_LINE: readonly FieldKind[] = ['text', 'number', 'decimal', 'url', 'email', 'phone', 'checkbox'];

/** The innermost Crayons element the key was pressed in (the fw-input of a date picker's text box). */
function innermostCrayons(event: { nativeEvent: Event }): Element | undefined {
  return event.nativeEvent.composedPath().find((node): node is Element => node instanceof Element && node.tagName.startsWith('FW-'));
}

/**
 * Whether Enter saves: in a one-line field, and in a date's text box even while its calendar is
 * open (a typed date is committed by Enter, without the calendar's Update). Enter in the
 * calendar itself, in paragraphs, selects and checkboxes stays theirs.
 */
export function enterSaves(field: Pick<FieldDef, 'kind'>, event: { key: string; nativeEvent: Event }): boolean {
  if (event.key !== 'Enter') return false;
  if (field.kind === 'date') return innermostCrayons(event)?.tagName === 'FW-INPUT';
  return ONE_LINE.includes(field.kind) && !fromOpenPopup(event);
}

/** The field a key event came from, by the `data-field` every editor carries. */
export function fieldOfEvent(fields: readonly FieldDef[], event: { target: EventTarget | null }): FieldDef | undefined {
  const name = event.target instanceof Element ? event.target.closest('[data-field]')?.getAttribute('data-field') : undefined;
  return name === undefined || name === null ? undefined : fields.find((field) => field.name === name);
}
