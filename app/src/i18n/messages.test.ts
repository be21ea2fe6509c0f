import { format, messages } from './messages';

describe('format', () => {
  it('fills named placeholders with strings and numbers', () => {
    expect(format(messages.writes.field, { label: 'Job title' })).toBe('Saving Job title');
    expect(format(messages.sidebar.busy, { seconds: 12 })).toBe('Freshsales is busy. Trying again in 12 s…');
  });

  it('fills every occurrence and ignores values it has no placeholder for', () => {
    expect(format('{a} and {a} but {b}', { a: 1, b: 'two', c: 'unused' })).toBe('1 and 1 but two');
  });

  it('leaves unknown placeholders visible rather than dropping them', () => {
    expect(format('Hello {name}, {missing}', { name: 'Ada' })).toBe('Hello Ada, {missing}');
  });

  it('fills a zero and an empty string, which are values too', () => {
    expect(format('{n}|{s}|', { n: 0, s: '' })).toBe('0||');
  });

  it('does not read placeholders out of the values', () => {
    expect(format('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });

  it('returns text without placeholders unchanged', () => {
    expect(format(messages.actions.retry, {})).toBe('Try again');
  });
});

describe('messages', () => {
  it('has a non-empty sentence for every failure kind', () => {
    const kinds = Object.keys(messages.failure);
    expect(kinds).toHaveLength(10);
    kinds.forEach((kind) => expect(messages.failure[kind as keyof typeof messages.failure].trim()).not.toBe(''));
  });
});
