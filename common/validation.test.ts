import * as z from 'zod/mini';
import { ownersResponseSchema } from './crm/users';
import { describeIssues, fail, ok, parseJson, parseWith } from './validation';

const failureOf = (result: { ok: true } | { ok: false; failure: string }): string => {
  if (result.ok) throw new Error('expected a failure');
  return result.failure;
};

describe('ok / fail', () => {
  it('build the two arms of a Result', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('nope')).toEqual({ ok: false, failure: 'nope' });
  });
});

describe('parseWith', () => {
  it('returns the parsed value on success, keeping unknown keys of loose objects', () => {
    const input = { users: [{ id: 7, display_name: 'Ann', email: null, extra: 'kept' }] };
    const result = parseWith(ownersResponseSchema, input, 'owners');
    expect(result).toEqual({ ok: true, value: input });
  });

  it('names the path, the expected type and the received type', () => {
    const result = parseWith(ownersResponseSchema, { users: [{ id: '7', display_name: 'Ann' }] }, 'owners');
    expect(failureOf(result)).toBe('owners is invalid: users.0.id: expected number, got string');
  });

  it('says "undefined" for a missing key', () => {
    const result = parseWith(ownersResponseSchema, { users: [{ id: 1 }] }, 'owners');
    expect(failureOf(result)).toBe('owners is invalid: users.0.display_name: expected string, got undefined');
  });

  it('says "value" when the root itself is wrong, and tells null and arrays apart from objects', () => {
    expect(failureOf(parseWith(ownersResponseSchema, null, 'owners'))).toBe(
      'owners is invalid: value: expected object, got null',
    );
    expect(failureOf(parseWith(ownersResponseSchema, [], 'owners'))).toBe(
      'owners is invalid: value: expected object, got an array',
    );
    expect(failureOf(parseWith(ownersResponseSchema, { users: 'x' }, 'owners'))).toBe(
      'owners is invalid: users: expected array, got string',
    );
  });

  it('lists every problem, separated by semicolons', () => {
    const schema = z.object({ a: z.string(), b: z.number() });
    expect(failureOf(parseWith(schema, { a: 1, b: 'x' }, 'thing'))).toBe(
      'thing is invalid: a: expected string, got number; b: expected number, got string',
    );
  });

  it('keeps custom messages', () => {
    const schema = z.object({ name: z.string().check(z.minLength(3, 'needs three letters')) });
    expect(failureOf(parseWith(schema, { name: 'ab' }, 'form'))).toBe('form is invalid: name: needs three letters');
  });

  it('names the issue code when zod has only its generic message', () => {
    const tooShort = z.object({ name: z.string().check(z.minLength(3)) });
    expect(failureOf(parseWith(tooShort, { name: 'ab' }, 'form'))).toBe('form is invalid: name: invalid (too_small)');
    const literal = z.object({ kind: z.literal('deal') });
    expect(failureOf(parseWith(literal, { kind: 'contact' }, 'event'))).toBe(
      'event is invalid: kind: invalid (invalid_value)',
    );
  });
});

describe('describeIssues', () => {
  it('says "something else" when an issue carries no input', () => {
    const text = describeIssues([{ code: 'invalid_type', expected: 'string', path: ['a'], message: 'Invalid input' }]);
    expect(text).toBe('a: expected string, got something else');
  });

  it('joins an empty list to an empty string', () => {
    expect(describeIssues([])).toBe('');
  });
});

describe('parseJson', () => {
  it('parses good JSON, including non-objects', () => {
    expect(parseJson('{"users":[]}')).toEqual({ ok: true, value: { users: [] } });
    expect(parseJson('true')).toEqual({ ok: true, value: true });
    expect(parseJson('null')).toEqual({ ok: true, value: null });
  });

  it('reports bad JSON with the parser message instead of throwing', () => {
    const result = parseJson('<html>login</html>');
    expect(result.ok).toBe(false);
    expect(failureOf(result)).toMatch(/JSON/);
    expect(parseJson('').ok).toBe(false);
  });

  it('says "not JSON" if the parser throws something that is not an Error', () => {
    const spy = jest.spyOn(JSON, 'parse').mockImplementation(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
      throw 'weird';
    });
    try {
      expect(parseJson('{}')).toEqual({ ok: false, failure: 'not JSON' });
    } finally {
      spy.mockRestore();
    }
  });
});
