import { displayValue, formatAmounts, formatDate, formatMoney, formatNumber } from './display';
import { fieldOf, OWNER_CHOICES, REGION_CHOICES } from '../test/fields';

const owner = fieldOf('dropdown', { name: 'owner_id', choices: OWNER_CHOICES });
const region = fieldOf('dropdown', { name: 'cf_region', custom: true, choices: REGION_CHOICES });
const regions = fieldOf('multi_select', { name: 'cf_regions', custom: true, choices: REGION_CHOICES });

describe('displayValue', () => {
  it('names built-in dropdown choices by id and custom ones by label', () => {
    expect(displayValue(owner, 402000000012)).toBe('Ben Ortiz');
    expect(displayValue(owner, '402000000011')).toBe('Asha Rao');
    expect(displayValue(region, 'EMEA')).toBe('EMEA');
    expect(displayValue(region, 11)).toBe('Americas');
    // A value the settings do not know is still shown, not hidden.
    expect(displayValue(owner, 999)).toBe('999');
  });

  it('names an inactive owner, whom no editor offers', () => {
    const withFormer = { ...owner, inactiveChoices: [{ id: '402000000016', label: 'Former Rep', position: 3 }] };
    expect(displayValue(withFormer, 402000000016)).toBe('Former Rep');
    expect(withFormer.choices.map((choice) => choice.label)).not.toContain('Former Rep');
  });

  it('lists multi-select labels with commas', () => {
    expect(displayValue(regions, 'Americas;APAC')).toBe('Americas, APAC');
    expect(displayValue(regions, 'EMEA; Mars')).toBe('EMEA, Mars');
  });

  it('says Yes or No for checkboxes', () => {
    expect(displayValue(fieldOf('checkbox'), true)).toBe('Yes');
    expect(displayValue(fieldOf('checkbox'), 'true')).toBe('Yes');
    expect(displayValue(fieldOf('checkbox'), false)).toBe('No');
    expect(displayValue(fieldOf('checkbox'), null)).toBe('No');
  });

  it('formats dates and groups numbers', () => {
    expect(displayValue(fieldOf('date'), '2024-05-31')).toBe('May 31, 2024');
    expect(displayValue(fieldOf('number'), 1234567)).toBe('1,234,567');
    expect(displayValue(fieldOf('decimal'), '1234567.891')).toBe('1,234,567.891');
  });

  it('shows a dash for empty values, or the text asked for', () => {
    for (const empty of [null, undefined, '', '  ']) expect(displayValue(fieldOf('text'), empty)).toBe('—');
    expect(displayValue(regions, ';')).toBe('—');
    expect(displayValue(fieldOf('text'), null, { empty: 'Not set' })).toBe('Not set');
  });

  it('returns text as it is, HTML included (React renders it as text)', () => {
    expect(displayValue(fieldOf('text'), '<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('formats for another locale when asked', () => {
    expect(displayValue(fieldOf('decimal'), '1234.5', { locale: 'de-DE' })).toBe('1.234,5');
  });
});

describe('formatMoney', () => {
  it('formats in the currency when the code is known', () => {
    expect(formatMoney('5600.0', 'USD')).toBe('$5,600.00');
    expect(formatMoney('1234567.5', 'EUR')).toBe('€1,234,567.50');
    expect(formatMoney('0.1', 'INR')).toBe('₹0.10');
  });

  it('keeps the digits of large amounts exactly (no float rounding)', () => {
    expect(formatMoney('12345678901234567.89', 'USD')).toBe('$12,345,678,901,234,567.89');
  });

  it('falls back to a grouped decimal with two fractions without a usable code', () => {
    expect(formatMoney('5600.5')).toBe('5,600.50');
    expect(formatMoney('5600.5', '')).toBe('5,600.50');
  });

  it('names a currency Intl does not know after the amount', () => {
    expect(formatMoney('5600.5', 'US Dollar')).toBe('5,600.50 US Dollar');
  });

  it('shows a dash for no amount and odd text as it is', () => {
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
    expect(formatMoney(' ')).toBe('—');
    expect(formatMoney('n/a', 'USD')).toBe('n/a');
  });
});

describe('formatAmounts', () => {
  it('shows totals of several currencies side by side, never added up (B2)', () => {
    expect(formatAmounts([{ amount: '1200.0', currencyCode: 'USD' }, { amount: '300', currencyCode: 'EUR' }])).toBe('$1,200.00 + €300.00');
    expect(formatAmounts([{ amount: '0.1' }])).toBe('0.10');
    expect(formatAmounts([])).toBe('0.00');
  });
});

describe('formatDate', () => {
  it('shows a calendar date as that day in any time zone', () => {
    expect(formatDate('2024-01-01')).toBe('Jan 1, 2024');
    expect(formatDate('2024-12-31')).toBe('Dec 31, 2024');
  });

  it('formats timestamps in local time', () => {
    const local = new Date(2024, 4, 10, 12, 0, 0).toISOString();
    expect(formatDate(local)).toBe('May 10, 2024');
  });

  it('passes through what is not a date and dashes empties', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
  });
});

describe('formatNumber', () => {
  it('groups, and leaves non-numbers alone', () => {
    expect(formatNumber('-1234.50')).toBe('-1,234.5');
    expect(formatNumber(30)).toBe('30');
    expect(formatNumber('about 3')).toBe('about 3');
    expect(formatNumber(null)).toBe('—');
  });
});
