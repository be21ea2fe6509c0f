import { act, render, screen, within } from '@testing-library/react';
import type { CrmFailure } from '../../../common/crm/failure';
import type { Result } from '../../../common/validation';
import type { FieldFormProps } from '../fields/FieldForm';
import { messages } from '../i18n/messages';
import type { FieldDef } from '../model/fields';
import { clickFwButton } from '../test/crayons';
import { AccountContactsSection, newContactFields } from './AccountContactsSection';
import { clickAndSettle, pastThrottle } from './testing';
import { CONTACT_FIELDS, accountData, fakeActions } from './fixtures';

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
    expect(formProps.current?.fields.map((field) => field.name)).toEqual(['first_name', 'last_name', 'job_title', 'cf_region', 'emails']);
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
    expect(actions.createContact).toHaveBeenCalledWith(values);
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

it('newContactFields offers job title even when the account hides it, and the custom fields the admin listed (A1)', () => {
  const hidden = CONTACT_FIELDS.map((field) => (field.name === 'job_title' || field.name === 'cf_hobby' ? { ...field, visible: false } : field));
  const names = (choice?: Parameters<typeof newContactFields>[1]) => newContactFields(hidden, choice).map((field) => field.name);
  expect(names()).toContain('job_title');
  expect(names({ kind: 'all' })).not.toContain('cf_hobby');
  expect(names({ kind: 'list', names: ['cf_hobby'] })).toContain('cf_hobby');
});

it('newContactFields keeps names, job title and required custom fields, and adds an email', () => {
  const fields = newContactFields(CONTACT_FIELDS);
  expect(fields.find((field) => field.name === 'last_name')?.required).toBe(true);
  expect(fields.find((field) => field.name === 'first_name')?.required).toBe(false);
  expect(fields[fields.length - 1]).toEqual({ name: 'emails', label: text.email, kind: 'email', required: false, custom: false, choices: [] });
  expect(fields.some((field) => field.name === 'cf_hobby' || field.name === 'owner_id')).toBe(false);
});
