import type { FieldValue } from '../model/fields';
import { toEditorValue } from './choices';
import { fieldOf, OWNER_CHOICES, REGION_CHOICES } from '../test/fields';
import { loadPhoneNumbers } from './phone';
import { isEmptyValue, toRequestValue, toRequestValues, validateAll, validateField } from './validate';

const owner = fieldOf('dropdown', { name: 'owner_id', label: 'Owner', choices: OWNER_CHOICES });
const region = fieldOf('dropdown', { name: 'cf_sales_region', label: 'Region', custom: true, choices: REGION_CHOICES });
const regions = fieldOf('multi_select', { name: 'cf_regions', label: 'Regions', custom: true, choices: REGION_CHOICES });

// Phone numbers are checked with libphonenumber, which the app loads with the field editors.
beforeAll(() => loadPhoneNumbers());

describe('validateField', () => {
  const cases: Array<[string, ReturnType<typeof fieldOf>, FieldValue[], FieldValue[], string]> = [
    ['number', fieldOf('number'), ['42', '-7', '0', 12, ' 5 '], ['4.2', 'abc', '1e3', '--1', '4 2'], 'My number must be a whole number, like 42.'],
    ['decimal', fieldOf('decimal'), ['1250.50', '5600.0', '-3', '7', 9.5], ['1,250', '12.', '.5', 'ten', '1.2.3'], 'My decimal must be a number, like 1250.50.'],
    ['date', fieldOf('date'), ['2024-05-31', '2024-02-29', '2000-12-01'], ['2024-02-30', '2023-02-29', '2024-13-01', '31/05/2024', '2024-5-1'], 'My date must be a real date, like 2024-05-31.'],
    ['url', fieldOf('url'), ['https://acme.example', 'http://localhost:8080/x?y=1'], ['acme.example', 'ftp://acme.example', 'https://', 'http://a b.com', 'javascript:alert(1)'], 'My url must be a web address starting with http:// or https://.'],
    ['email', fieldOf('email'), ['ada@example.com', 'a.b+c@sub.example.org'], ['ada', 'ada@', 'ada@example', 'a da@example.com', '@example.com'], 'My email must be an email address, like name@example.com.'],
    [
      'phone',
      fieldOf('phone'),
      ['+1 (415) 555-0100', '+1 415 555 0100 x12', '+44 20 7946 0958', '+4915123456789', '+49 (0)30 1234567', '020 7946 0958', '(415) 555-0100', '12345', '98.76.54'],
      ['1234', 'call me', '+1 415 555 0100 ext', '12#345', '<b>555</b>', '<b>555 0100</b>', '+1 555', '+999 123 4567', '+12345678901234567890', '123456789012345678', 'tel:+14155550100', '1-800-FLOWERS'],
      'My phone must be a phone number, like +1 415 555 0100.',
    ],
    ['dropdown (built-in, by id)', owner, ['402000000011', 402000000012], ['Asha Rao', '1', 'x'], 'Choose Owner from the list.'],
    ['dropdown (custom, by label)', region, ['Americas', 'APAC'], ['11', 'Mars'], 'Choose Region from the list.'],
    ['multi-select', regions, ['Americas', 'Americas;EMEA', ' EMEA ; APAC '], ['Americas;Mars', 'Mars'], 'Choose Regions from the list.'],
  ];

  it.each(cases)('%s: accepts good values and explains bad ones', (_kind, field, good, bad, message) => {
    good.forEach((value) => expect(validateField(field, value)).toBeUndefined());
    bad.forEach((value) => expect(validateField(field, value)).toBe(message));
  });

  it.each(['text', 'paragraph', 'number', 'decimal', 'date', 'url', 'email', 'phone', 'dropdown', 'multi_select'] as const)(
    'a required %s refuses empty, null and blanks; an optional one accepts them',
    (kind) => {
      const required = fieldOf(kind, { label: 'Thing', required: true, choices: REGION_CHOICES });
      for (const empty of ['', null, '   ']) {
        expect(validateField(required, empty)).toBe('Thing is required.');
        expect(validateField({ ...required, required: false }, empty)).toBeUndefined();
      }
    },
  );

  it('treats a multi-select with only separators as empty', () => {
    expect(validateField({ ...regions, required: true }, ' ; ;')).toBe('Regions is required.');
  });

  it('never refuses a checkbox, required or not', () => {
    expect(validateField(fieldOf('checkbox', { required: true }), false)).toBeUndefined();
    expect(validateField(fieldOf('checkbox'), true)).toBeUndefined();
  });

  it('limits text to 255 characters and paragraphs to 10,000', () => {
    const textField = fieldOf('text', { label: 'Title' });
    expect(validateField(textField, 'x'.repeat(255))).toBeUndefined();
    expect(validateField(textField, 'x'.repeat(256))).toBe('Title can be at most 255 characters.');
    const paragraph = fieldOf('paragraph', { label: 'Notes' });
    expect(validateField(paragraph, 'x'.repeat(10_000))).toBeUndefined();
    expect(validateField(paragraph, 'x'.repeat(10_001))).toBe('Notes can be at most 10,000 characters.');
  });

  it('checks every phone field the same way: built-in work and mobile numbers and custom phone fields (B10)', () => {
    const phones = [
      fieldOf('phone', { name: 'work_number', label: 'Work phone' }),
      fieldOf('phone', { name: 'mobile_number', label: 'Mobile' }),
      fieldOf('phone', { name: 'cf_assistant_phone', label: 'Assistant phone', custom: true }),
    ];
    for (const field of phones) {
      expect(validateField(field, '<b>555</b>')).toBe(`${field.label} must be a phone number, like +1 415 555 0100.`);
      expect(validateField(field, '+1 415 555 0100')).toBeUndefined();
    }
  });

  it('refuses whole numbers a JSON number cannot carry exactly, instead of rounding them (B7)', () => {
    const count = fieldOf('number', { label: 'Seats' });
    expect(validateField(count, '99999999999999999999')).toBe('Seats is too large to be stored exactly: at most 9,007,199,254,740,991.');
    expect(validateField(count, '-9007199254740992')).toBe('Seats is too large to be stored exactly: at most 9,007,199,254,740,991.');
    expect(validateField(count, '9007199254740991')).toBeUndefined();
    expect(validateField(count, '-9007199254740991')).toBeUndefined();
  });

  it('refuses decimals with more significant digits than a JSON number keeps (B7)', () => {
    const money = fieldOf('decimal', { label: 'Deal value' });
    const message = 'Deal value has too many digits to be stored exactly: at most 15 significant digits.';
    expect(validateField(money, '99999999999999999999')).toBe(message);
    expect(validateField(money, '1234567890.1234567')).toBe(message);
    expect(validateField(money, '123456789012345')).toBeUndefined();
    expect(validateField(money, '12500.50')).toBeUndefined();
    // Leading zeros and trailing fraction zeros carry no precision.
    expect(validateField(money, '000012345678901.2340000')).toBeUndefined();
    expect(validateField(money, '0.000000000000001')).toBeUndefined();
  });

  it('accepts any text, including text that looks like HTML', () => {
    expect(validateField(fieldOf('text'), '<img src=x onerror=alert(1)>')).toBeUndefined();
  });
});

describe('validateAll', () => {
  it('returns every message by field name', () => {
    const fields = [fieldOf('text', { name: 'title', label: 'Title', required: true }), fieldOf('number', { name: 'n', label: 'N' }), fieldOf('email', { name: 'e' })];
    expect(validateAll(fields, { n: 'x', e: 'ok@example.com' })).toEqual({
      title: 'Title is required.',
      n: 'N must be a whole number, like 42.',
    });
    expect(validateAll(fields, { title: 'Hi', n: '3' })).toEqual({});
  });
});

describe('isEmptyValue', () => {
  it('knows null, blanks and empty multi-selects', () => {
    expect(isEmptyValue(undefined)).toBe(true);
    expect(isEmptyValue(0)).toBe(false);
    expect(isEmptyValue(false)).toBe(false);
    expect(isEmptyValue(';', 'multi_select')).toBe(true);
    expect(isEmptyValue(';', 'text')).toBe(false);
  });
});

describe('toRequestValue', () => {
  it('sends whole numbers as JSON numbers and decimals as strings', () => {
    expect(toRequestValue(fieldOf('number'), ' 42 ')).toBe(42);
    expect(toRequestValue(fieldOf('number'), '-7')).toBe(-7);
    expect(toRequestValue(fieldOf('decimal'), '1250.50')).toBe('1250.50');
    expect(toRequestValue(fieldOf('decimal'), 12.5)).toBe('12.5');
  });

  it('never rounds: a whole number beyond 2^53 stays text (and validation refuses it first)', () => {
    expect(toRequestValue(fieldOf('number'), '99999999999999999999')).toBe('99999999999999999999');
  });

  it('sends built-in dropdowns as numeric ids and custom dropdowns as their label', () => {
    expect(toRequestValue(owner, '402000000012')).toBe(402000000012);
    // Real settings send choice ids as JSON numbers, the stand-in as numeric strings (A5).
    const numericIds = fieldOf('dropdown', { name: 'industry_type_id', choices: [{ id: '31004057004', label: 'Software', position: 1 }] });
    expect(toRequestValue(numericIds, 31004057004)).toBe(31004057004);
    expect(toRequestValue(numericIds, '31004057004')).toBe(31004057004);
    expect(validateField(numericIds, 31004057004)).toBeUndefined();
    expect(validateField(numericIds, '31004057004')).toBeUndefined();
    expect(toRequestValue(region, 'Americas')).toBe('Americas');
    // An older record may hold a custom dropdown's id; the CRM wants the label.
    expect(toRequestValue(region, '12')).toBe('EMEA');
    const nonNumeric = fieldOf('dropdown', { choices: [{ id: 'hot', label: 'Hot', position: 1 }] });
    expect(toRequestValue(nonNumeric, 'hot')).toBe('hot');
  });

  it('joins multi-select labels with ;', () => {
    expect(toRequestValue(regions, 'Americas; APAC')).toBe('Americas;APAC');
    expect(toRequestValue(regions, ';')).toBeNull();
  });

  it('sends checkboxes as booleans and empties as null', () => {
    expect(toRequestValue(fieldOf('checkbox'), true)).toBe(true);
    expect(toRequestValue(fieldOf('checkbox'), 'true')).toBe(true);
    expect(toRequestValue(fieldOf('checkbox'), null)).toBe(false);
    for (const kind of ['text', 'number', 'decimal', 'date', 'dropdown', 'url'] as const) {
      expect(toRequestValue(fieldOf(kind), '')).toBeNull();
      expect(toRequestValue(fieldOf(kind), null)).toBeNull();
    }
  });

  it('trims text but keeps a paragraph as typed', () => {
    expect(toRequestValue(fieldOf('text'), '  Ada  ')).toBe('Ada');
    expect(toRequestValue(fieldOf('paragraph'), 'line 1\n  line 2 ')).toBe('line 1\n  line 2 ');
    expect(toRequestValue(fieldOf('date'), '2024-05-31')).toBe('2024-05-31');
  });

  it('changes nothing when converting twice', () => {
    const samples: Array<[ReturnType<typeof fieldOf>, FieldValue]> = [
      [fieldOf('number'), '42'],
      [fieldOf('decimal'), '5600.0'],
      [owner, '402000000011'],
      [region, 'APAC'],
      [regions, 'EMEA;APAC'],
      [fieldOf('checkbox'), true],
      [fieldOf('text'), 'x'],
    ];
    for (const [field, value] of samples) {
      const once = toRequestValue(field, value);
      expect(toRequestValue(field, once)).toEqual(once);
    }
  });

  it('converts a whole form', () => {
    const fields = [fieldOf('number', { name: 'n' }), owner, fieldOf('text', { name: 't' })];
    expect(toRequestValues(fields, { n: '3', owner_id: '402000000011' })).toEqual({ n: 3, owner_id: 402000000011, t: null });
  });
});

describe('toEditorValue', () => {
  it('turns stored values into editor values', () => {
    expect(toEditorValue(owner, 402000000011)).toBe('402000000011');
    expect(toEditorValue(region, 'EMEA')).toBe('EMEA');
    expect(toEditorValue(region, 13)).toBe('APAC');
    expect(toEditorValue(region, 'Mars')).toBe('Mars');
    expect(toEditorValue(regions, 'APAC;11')).toBe('APAC;Americas');
    expect(toEditorValue(fieldOf('checkbox'), 'true')).toBe(true);
    expect(toEditorValue(fieldOf('checkbox'), null)).toBe(false);
    expect(toEditorValue(fieldOf('number'), 30)).toBe('30');
    expect(toEditorValue(fieldOf('text'), null)).toBe('');
    expect(toEditorValue(fieldOf('text'), undefined)).toBe('');
  });
});
