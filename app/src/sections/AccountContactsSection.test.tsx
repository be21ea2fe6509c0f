import { act, render, screen, within } from '@testing-library/react';
import type { CrmFailure } from '../../../common/crm/failure';
import type { Result } from '../../../common/validation';
import type { FieldFormProps } from '../fields/FieldForm';
import { format, messages } from '../i18n/messages';
import type { FieldDef, FieldValue } from '../model/fields';
import { clickFwButton } from '../test/crayons';
import { AccountContactsSection, newContactFields, newContactProblem } from './AccountContactsSection';
import { clickAndSettle, pastThrottle } from './testing';
import { CONTACT_FIELDS, accountData, fakeActions } from '../test/section-fixtures';

const formProps: { current?: FieldFormProps } = {};
jest.mock('../fields/FieldForm', () => ({
  FieldForm: (props: FieldFormProps) => {
    formProps.current = props;
    return <form data-testid={props.testId} />;
  },
}));

const text = messages.sections.contacts;
type FieldsResult = Result<FieldDef[], CrmFailure>;

function held() {
  let settle: (result: FieldsResult) => void = () => undefined;
  const contactFields = jest.fn(() => new Promise<FieldsResult>((resolve) => (settle = resolve)));
  return { contactFields, settle: (result: FieldsResult) =>
      act(async () => {
        settle(result);
        await Promise.resolve();
      }),
  };
}

describe('AccountContactsSection', () => {
  it('lists the account contacts and opens one on click', () => {
    const actions = fakeActions();
    render(<AccountContactsSection data={accountData()} actions={actions} />);
    expect(screen.getByTestId('section-count')).toHaveTextContent('2');
    const items = screen.getAllByTestId('contact-item');
    expect(items[0]).toHaveTextContent('Priya Nair');
    within(items[1] as HTMLElement).getByRole('button', { name: 'Karan Shah' }).click();
    expect(actions.openRecord).toHaveBeenCalledWith('contact', 402000000502);
    expect(screen.queryByTestId('contact-remove')).toBeNull();
  });

  it('says what to do without contacts', () => {
    render(<AccountContactsSection data={accountData({ contacts: [] })} actions={fakeActions()} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(text.emptyAccount);
  });

  it('fetches the contact fields on demand, showing a skeleton, then the form', async () => {
    const { contactFields, settle } = held();
    render(<AccountContactsSection data={accountData()} actions={fakeActions({ contactFields })} />);
    expect(contactFields).not.toHaveBeenCalled();
    await clickFwButton(screen.getByTestId('contact-create'));
    expect(screen.getByTestId('contact-form-loading').querySelector('fw-skeleton')).not.toBeNull();
    await settle({ ok: true, value: CONTACT_FIELDS });
    expect(screen.getByTestId('contact-form')).toBeInTheDocument();
    expect(formProps.current?.fields.map((field) => field.name)).toEqual(['first_name', 'last_name', 'job_title', 'cf_region', 'emails', 'mobile_number']);
    expect(formProps.current?.submitLabel).toBe(text.createSubmit);
  });

  it('shows an error with retry when the fields do not load, and retries', async () => {
    const contactFields = jest
      .fn<Promise<FieldsResult>, []>()
      .mockResolvedValueOnce({ ok: false, failure: { kind: 'server_error', messages: [], detail: '500' } })
      .mockResolvedValueOnce({ ok: true, value: CONTACT_FIELDS });
    render(<AccountContactsSection data={accountData()} actions={fakeActions({ contactFields })} />);
    await clickAndSettle(screen.getByTestId('contact-create'));
    expect(await screen.findByText(messages.failure.server_error)).toBeInTheDocument();
    await clickAndSettle(screen.getByText(messages.actions.retry));
    expect(await screen.findByTestId('contact-form')).toBeInTheDocument();
    expect(contactFields).toHaveBeenCalledTimes(2);
  });

  it('creates the contact, closes the form on success, and reuses the fields next time', async () => {
    const actions = fakeActions();
    render(<AccountContactsSection data={accountData()} actions={actions} />);
    await clickAndSettle(screen.getByTestId('contact-create'));
    await screen.findByTestId('contact-form');
    const values = { first_name: 'Meera', last_name: 'Iyer', emails: 'meera@acme.example' };
    await act(async () => {
      await formProps.current?.onSubmit(values);
    });
    expect(actions.createContact).toHaveBeenCalledWith(values, expect.any(Function));
    expect(screen.queryByTestId('contact-form')).toBeNull();

    await pastThrottle();
    await clickAndSettle(screen.getByTestId('contact-create'));
    expect(await screen.findByTestId('contact-form')).toBeInTheDocument();
    expect(actions.contactFields).toHaveBeenCalledTimes(1);
  });

  it('keeps the form open when the CRM refuses, and closes it on cancel', async () => {
    const actions = fakeActions({ createContact: jest.fn(() => Promise.resolve(false)) });
    render(<AccountContactsSection data={accountData()} actions={actions} />);
    await clickAndSettle(screen.getByTestId('contact-create'));
    await screen.findByTestId('contact-form');
    await act(async () => {
      await formProps.current?.onSubmit({ last_name: 'Iyer' });
    });
    expect(screen.getByTestId('contact-form')).toBeInTheDocument();
    act(() => formProps.current?.onCancel());
    expect(screen.queryByTestId('contact-form')).toBeNull();
  });
});

it('newContactFields keeps names, job title and required custom fields, and adds an email and a mobile number', () => {
  const fields = newContactFields(CONTACT_FIELDS);
  expect(fields.find((field) => field.name === 'last_name')?.required).toBe(true);
  expect(fields.find((field) => field.name === 'first_name')?.required).toBe(false);
  expect(fields.slice(-2)).toEqual([
    { name: 'emails', label: text.email, kind: 'email', required: false, custom: false, choices: [] },
    { name: 'mobile_number', label: text.mobile, kind: 'phone', required: false, custom: false, choices: [] },
  ]);
  expect(fields.some((field) => field.name === 'cf_hobby' || field.name === 'owner_id')).toBe(false);
});

it('newContactFields offers job title even when the account hides it, and the custom fields the admin listed (A1)', () => {
  const hidden = CONTACT_FIELDS.map((field) => (field.name === 'job_title' || field.name === 'cf_hobby' ? { ...field, visible: false } : field));
  const names = (choice?: Parameters<typeof newContactFields>[1]) => newContactFields(hidden, choice).map((field) => field.name);
  expect(names()).toContain('job_title');
  expect(names({ kind: 'all' })).not.toContain('cf_hobby');
  expect(names({ kind: 'list', names: ['cf_hobby'] })).toContain('cf_hobby');
});

describe('"+ Contact" checks in the browser (B9)', () => {
  it.each<[Record<string, FieldValue>, string]>([
    [{ first_name: '', last_name: '  ', emails: 'a@b.example' }, text.needName],
    [{ first_name: 'Meera', last_name: '', emails: '', mobile_number: '' }, text.needReach],
    [{ first_name: 'Meera', emails: null, mobile_number: null }, text.needReach],
  ])('refuses %j before sending', (values, problem) => {
    expect(newContactProblem(values)).toBe(problem);
  });

  it.each<Record<string, FieldValue>>([
    { first_name: 'Meera', emails: 'meera@acme.example' },
    { last_name: 'Iyer', mobile_number: '+91 98200 12345' },
  ])('lets %j through', (values) => {
    expect(newContactProblem(values)).toBeUndefined();
  });

  it('gives the form the check, and shows the CRM refusal in full in the form', async () => {
    const refusal = 'Contact must have at least one of first_name, last_name, emails or mobile_number, and this reason is long';
    const createContact = jest.fn((_values: unknown, onRefused?: (reason: string) => void) => {
      onRefused?.(refusal);
      return Promise.resolve(false);
    });
    render(<AccountContactsSection data={accountData()} actions={fakeActions({ createContact })} />);
    await clickAndSettle(screen.getByTestId('contact-create'));
    await screen.findByTestId('contact-form');
    expect(formProps.current?.check).toBe(newContactProblem);
    let outcome: boolean | string | undefined;
    await act(async () => {
      outcome = await formProps.current?.onSubmit({ last_name: 'Iyer', emails: 'iyer@acme.example' });
    });
    expect(outcome).toBe(format(text.refused, { reason: refusal }));
    expect(screen.getByTestId('contact-form')).toBeInTheDocument();
  });
});
