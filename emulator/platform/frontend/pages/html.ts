/**
 * A tiny HTML builder that escapes every interpolated value unless it is already `Html`.
 * Record text holds HTML-looking strings on purpose (seed landmarks), so nothing reaches a
 * page without passing through here.
 */
export class Html {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

export type HtmlPart = Html | string | number | boolean | null | undefined | HtmlPart[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Markup written by us, trusted as is. */
export const raw = (text: string): Html => new Html(text);

function render(part: HtmlPart): string {
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

const SCRIPT_UNSAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** JSON safe inside `<script type="application/json">`: no `</script>` can close it early. */
export function jsonForScript(value: unknown): Html {
  const text = JSON.stringify(value) ?? 'null';
  return raw(text.replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_UNSAFE[char] ?? char));
}
