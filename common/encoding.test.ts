import { base64Decode, base64Encode, utf8Bytes } from './encoding';

// Node's Buffer is the independent reference the sandbox-safe code is checked against.
const SAMPLES = ['', 'a', 'ab', 'abc', 'abcd', 'Zoë Ünïcødé', '日本語', '👩‍💻 emoji', '\u0000\u007f\u0080\u07ff\u0800\uffff', 'x'.repeat(1000)];

describe('utf8Bytes', () => {
  it.each(SAMPLES)('encodes %j exactly like Buffer', (text) => {
    expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, 'utf8'));
  });

  it('turns a lone surrogate into U+FFFD, as TextEncoder does', () => {
    expect(Buffer.from(utf8Bytes('a\ud800b'))).toEqual(Buffer.from(new TextEncoder().encode('a\ud800b')));
  });
});

describe('base64', () => {
  it.each(SAMPLES)('encodes the UTF-8 of %j like Buffer and decodes it back', (text) => {
    const bytes = Buffer.from(text, 'utf8');
    const encoded = base64Encode(Uint8Array.from(bytes));
    expect(encoded).toBe(bytes.toString('base64'));
    expect(Buffer.from(base64Decode(encoded) as Uint8Array)).toEqual(bytes);
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(base64Encode(all)).toBe(Buffer.from(all).toString('base64'));
    expect(base64Decode(base64Encode(all))).toEqual(all);
  });

  it.each(['abc', 'ab=c', '====', 'a b=', 'YQ', '@@@@'])('refuses %j, which is not padded Base64', (text) => {
    expect(base64Decode(text)).toBeUndefined();
  });
});
