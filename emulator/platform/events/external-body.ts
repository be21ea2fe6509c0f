import { XMLParser } from 'fast-xml-parser';

/**
 * Bodies an external event may carry (platform.md §4.2): JSON, XML and form posts. How XML and
 * form bodies reach `args.data` is unconfirmed; the emulator gives the parsed object (XML via
 * fast-xml-parser, attributes kept with an `@_` prefix; form fields as strings, repeated
 * fields as arrays), so handlers must check what they receive.
 */
export const EXTERNAL_CONTENT_TYPES = ['application/json', 'application/xml', 'text/xml', 'application/x-www-form-urlencoded'] as const;

export type ParsedBody = { ok: true; data: unknown } | { ok: false; status: number; message: string };

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });

function parseForm(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const existing = fields[name];
    fields[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return fields;
}

const PARSERS: Record<(typeof EXTERNAL_CONTENT_TYPES)[number], (text: string) => unknown> = {
  'application/json': (text) => JSON.parse(text) as unknown,
  'application/xml': (text) => xml.parse(text, true) as unknown,
  'text/xml': (text) => xml.parse(text, true) as unknown,
  'application/x-www-form-urlencoded': parseForm,
};

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function parseExternalBody(contentType: string | undefined, body: Buffer): ParsedBody {
  const parser = PARSERS[mediaType(contentType) as keyof typeof PARSERS] as ((text: string) => unknown) | undefined;
  if (parser === undefined) return { ok: false, status: 415, message: `Unsupported Content-Type '${contentType ?? ''}': send ${EXTERNAL_CONTENT_TYPES.join(', ')}` };
  try {
    return { ok: true, data: parser(body.toString('utf8')) };
  } catch (error) {
    return { ok: false, status: 400, message: `The body is not valid ${mediaType(contentType)}: ${(error as Error).message}` };
  }
}
