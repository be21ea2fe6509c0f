import * as z from 'zod/mini';
import { isWrapper, optionalWrapped, unwrap, wrapped, wrappedId } from './fields';

describe('isWrapper', () => {
  it.each([
    ['a stored field', { label: 'First name', type: 'text', value: 'Jane' }],
    ['a computed field', { label: 'Won deals amount', dom_type: 'decimal', value: '0.0' }],
    ['a field with a label only', { label: 'Owner', value: 402000000031 }],
    ['a field without a label', { type: 'dropdown', value: 402000000031 }],
    ['a wrapped null', { label: 'Work email', type: 'email', value: null }],
    ['a wrapped list', { label: 'Emails', type: 'group_field', value: [] }],
  ])('recognises %s', (_case, field) => {
    expect(isWrapper(field)).toBe(true);
  });

  it.each([
    ['a bare id', 402000500470],
    ['bare text', 'Active'],
    ['null', null],
    ['undefined', undefined],
    ['a bare list', [402000000601]],
    ['a list of wrappers', [{ label: 'x', type: 'text', value: 1 }]],
    ['an object with value only', { value: 'x' }],
    ['an object without value', { label: 'Source', type: 'text' }],
    ['an unrelated object', { id: 1, name: 'System', type: 'system' }],
  ])('refuses %s', (_case, field) => {
    expect(isWrapper(field)).toBe(false);
  });
});

describe('unwrap', () => {
  it.each([
    [{ label: 'First name', type: 'text', value: 'Jane' }, 'Jane'],
    [{ label: 'Won deals amount', dom_type: 'decimal', value: '0.0' }, '0.0'],
    [{ label: 'Work email', type: 'email', value: null }, null],
    [{ label: 'Tags', type: 'auto_complete', value: ['vip'] }, ['vip']],
  ])('takes the value out of %j', (field, value) => {
    expect(unwrap(field)).toEqual(value);
  });

  it('unwraps one level only', () => {
    const inner = { label: 'Inner', type: 'text', value: 'x' };
    expect(unwrap({ label: 'Outer', type: 'group_field', value: inner })).toBe(inner);
  });

  it.each([402000500470, 'Active', null, undefined, false, [1, 2]])('returns the bare field %p as it is', (field) => {
    expect(unwrap(field)).toBe(field);
  });

  it('returns an object that is no wrapper as it is', () => {
    const source = { value: 'web', id: 3 };
    expect(unwrap(source)).toBe(source);
  });
});

describe('wrapped and optionalWrapped', () => {
  it('accepts stored and computed wrappers whose value fits, keeping extra keys', () => {
    const text = wrapped(z.string());
    expect(z.safeParse(text, { label: 'Name', type: 'text', value: 'Jane', required: false }).data).toEqual({ label: 'Name', type: 'text', value: 'Jane', required: false });
    expect(z.safeParse(text, { label: 'Name', dom_type: 'text', value: 'Jane Doe' }).success).toBe(true);
  });

  it('refuses a wrapper whose value does not fit, and a bare value', () => {
    expect(z.safeParse(wrappedId, { label: 'Deal stage', type: 'dropdown', value: 'Won' }).success).toBe(false);
    expect(z.safeParse(wrappedId, 402000010205).success).toBe(false);
  });

  it('lets an optional field be absent, null, or wrap a null value', () => {
    const field = optionalWrapped(z.number());
    for (const value of [undefined, null, { label: 'Score', type: 'number', value: null }, { label: 'Score', type: 'number' }]) {
      expect(z.safeParse(field, value).success).toBe(true);
    }
  });
});
