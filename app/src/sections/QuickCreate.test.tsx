import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { messages } from '../i18n/messages';
import { AccountContactsSection } from './AccountContactsSection';
import { DealsSection } from './DealsSection';
import { CURRENT_USER, PIPELINE_SALES, STAGE, accountData, contactData, fakeActions } from '../test/section-fixtures';
import { clickAndSettle, pastThrottle, typeIntoFw } from './testing';

/** The quick-create forms with the real FieldForm (helper A's), end to end inside the section. */

function editorOf(formTestId: string, name: string): Element {
  const editor = screen.getByTestId(formTestId).querySelector(`[name="${name}"]`);
  if (editor === null) throw new Error(`no editor for ${name}`);
  return editor;
}

it('"+ Deal" creates a deal in the default pipeline, first stage, owned by the current user', async () => {
  const actions = fakeActions();
  render(<DealsSection data={contactData()} actions={actions} currentUser={CURRENT_USER} />);
  await clickAndSettle(screen.getByTestId('deal-create'));
  await typeIntoFw(editorOf('deal-form', 'name'), 'Acme upsell');
  await typeIntoFw(editorOf('deal-form', 'cf_order_ref'), 'SO-1002');
  await clickAndSettle(screen.getByTestId('form-submit'));
  expect(actions.createDeal).toHaveBeenCalledWith(
    expect.objectContaining({
      deal_pipeline_id: PIPELINE_SALES,
      deal_stage_id: STAGE.new,
      owner_id: CURRENT_USER.id,
      name: 'Acme upsell',
      cf_order_ref: 'SO-1002',
    }),
  );
  expect(screen.queryByTestId('deal-form')).toBeNull();
});

it('"+ Contact" creates a contact with names and an email', async () => {
  const actions = fakeActions();
  render(<AccountContactsSection data={accountData()} actions={actions} />);
  await clickAndSettle(screen.getByTestId('contact-create'));
  await screen.findByTestId('contact-form');
  await typeIntoFw(editorOf('contact-form', 'last_name'), 'Iyer');
  await typeIntoFw(editorOf('contact-form', 'emails'), 'meera@acme.example');
  await clickAndSettle(screen.getByTestId('form-submit'));
  // cf_region is a required custom dropdown (custom choices are stored by label): refused until chosen.
  expect(actions.createContact).not.toHaveBeenCalled();
  const region = editorOf('contact-form', 'cf_region');
  // fw-select re-emits the change once it has synced its own list: let that happen inside act.
  await act(async () => {
    region.dispatchEvent(new CustomEvent('fwChange', { detail: { value: 'EMEA' }, bubbles: true, composed: true }));
    await pastThrottle();
  });
  await clickAndSettle(screen.getByTestId('form-submit'));
  expect(actions.createContact).toHaveBeenCalledWith(expect.objectContaining({ last_name: 'Iyer', emails: 'meera@acme.example', cf_region: 'EMEA' }), expect.any(Function));
  expect(screen.queryByTestId('contact-form')).toBeNull();
});

it('"+ Contact" asks for an email or a mobile number in the browser before sending (B9)', async () => {
  const actions = fakeActions();
  render(<AccountContactsSection data={accountData()} actions={actions} />);
  await clickAndSettle(screen.getByTestId('contact-create'));
  const form = await screen.findByTestId('contact-form');
  const submit = () =>
    act(async () => {
      fireEvent.submit(form);
      await Promise.resolve();
    });
  await typeIntoFw(editorOf('contact-form', 'last_name'), 'Iyer');
  await act(async () => {
    editorOf('contact-form', 'cf_region').dispatchEvent(new CustomEvent('fwChange', { detail: { value: 'EMEA' }, bubbles: true, composed: true }));
    await pastThrottle();
  });
  await submit();
  expect(screen.getByTestId('form-error')).toHaveTextContent(messages.sections.contacts.needReach);
  expect(actions.createContact).not.toHaveBeenCalled();
  await typeIntoFw(editorOf('contact-form', 'mobile_number'), '+91 98200 12345');
  await submit();
  expect(actions.createContact).toHaveBeenCalledWith(expect.objectContaining({ last_name: 'Iyer', mobile_number: '+91 98200 12345' }), expect.any(Function));
});

it('"+ Deal" sends a close date typed into the date box (B1)', async () => {
  const actions = fakeActions();
  render(<DealsSection data={contactData()} actions={actions} currentUser={CURRENT_USER} />);
  await clickAndSettle(screen.getByTestId('deal-create'));
  await typeIntoFw(editorOf('deal-form', 'name'), 'Acme upsell');
  await typeIntoFw(editorOf('deal-form', 'cf_order_ref'), 'SO-1003');
  const picker = editorOf('deal-form', 'expected_close');
  const textBox = await waitFor(() => {
    const found = picker.shadowRoot?.querySelector('fw-input');
    if (found === null || found === undefined) throw new Error('the date picker has not rendered its text box');
    return found;
  });
  await typeIntoFw(textBox, '2031-01-15');
  await clickAndSettle(screen.getByTestId('form-submit'));
  expect(actions.createDeal).toHaveBeenCalledWith(expect.objectContaining({ name: 'Acme upsell', expected_close: '2031-01-15' }));
});
