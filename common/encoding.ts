/**
 * UTF-8 and Base64 without the host's `TextEncoder`, `btoa` or `Buffer`: the FDK sandbox
 * offers none of them (platform.md §2.2), and signing needs exact bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function pushCodePoint(bytes: number[], point: number): void {
  if (point < 0x80) bytes.push(point);
  else if (point < 0x800) bytes.push(0xc0 | (point >> 6), 0x80 | (point & 0x3f));
  else if (point < 0x10000) bytes.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
  else bytes.push(0xf0 | (point >> 18), 0x80 | ((point >> 12) & 0x3f), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const character of text) {
    const point = character.codePointAt(0) ?? 0xfffd;
    pushCodePoint(bytes, point >= 0xd800 && point <= 0xdfff ? 0xfffd : point);
  }
  return Uint8Array.from(bytes);
}

function encodeGroup(bytes: Uint8Array, index: number): string {
  const [a = 0, b = 0, c = 0] = [bytes[index], bytes[index + 1], bytes[index + 2]];
  const triple = (a << 16) | (b << 8) | c;
  const chars = [18, 12, 6, 0].map((shift) => ALPHABET.charAt((triple >> shift) & 0x3f));
  const missing = Math.max(0, index + 3 - bytes.length);
  return chars.slice(0, 4 - missing).join('') + '='.repeat(missing);
}

/** Standard Base64 with padding. */
export function base64Encode(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 3) text += encodeGroup(bytes, index);
  return text;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard Base64 (padded) to bytes; undefined when the text is not Base64. */
export function base64Decode(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 4) {
    const values = [...text.slice(index, index + 4)].map((character) => ALPHABET.indexOf(character));
    const triple = values.reduce((sum, value) => (sum << 6) | Math.max(value, 0), 0);
    const count = values.filter((value) => value >= 0).length - 1;
    [16, 8, 0].slice(0, count).forEach((shift) => bytes.push((triple >> shift) & 0xff));
  }
  return Uint8Array.from(bytes);
}
