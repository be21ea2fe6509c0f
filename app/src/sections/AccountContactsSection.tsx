import { FwSkeleton } from '@freshworks/crayons/react/FwSkeleton';
import { useState } from 'react';
import type { CrmFailure } from '../../../common/crm/failure';
import type { CustomFieldChoice } from '../../../common/sidebar-settings';
import { createFormFields, formCustomFields } from '../fields/builtins';
import { FailureNotice } from '../components/FailureNotice';
import type { AccountData, SidebarActions } from '../data/types';
import { FieldForm } from '../fields/FieldForm';
import { messages } from '../i18n/messages';
import type { FieldDef, FieldValue } from '../model/fields';
import { ContactItem } from './ContactItem';
import { EmptyState, HeaderAction, PagedList, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.contacts;
const QUICK_CONTACT_FIELDS = ['first_name', 'last_name', 'job_title'];

/** The "+ Contact" form: names and job title as the settings define them, required custom fields, an email. */
export function newContactFields(contactFields: readonly FieldDef[], customFields: CustomFieldChoice = { kind: 'none' }): FieldDef[] {
  // Quick fields (hidden or not), required ones and the admin's custom fields.
  const chosen = createFormFields(contactFields, QUICK_CONTACT_FIELDS, customFields);
  const email: FieldDef = { name: 'emails', label: text.email, kind: 'email', required: false, custom: false, choices: [] };
  return [...chosen, email];
}

type FormState = { status: 'closed' } | { status: 'loading' } | { status: 'failed'; failure: CrmFailure } | { status: 'open'; fields: FieldDef[] };

/** Opens the form after fetching the contact field settings (once: they are kept while the section lives). */
function useContactForm(actions: SidebarActions, customFields: CustomFieldChoice) {
  const [state, setState] = useState<FormState>({ status: 'closed' });
  const [fields, setFields] = useState<FieldDef[]>();
  const open = async () => {
    if (fields !== undefined) return setState({ status: 'open', fields });
    setState({ status: 'loading' });
    const result = await actions.contactFields();
    if (!result.ok) return setState({ status: 'failed', failure: result.failure });
    const formFields = newContactFields(result.value, customFields);
    setFields(formFields);
    setState({ status: 'open', fields: formFields });
  };
  return { state, open, close: () => setState({ status: 'closed' }) };
}

function FormArea({ form, actions }: { form: ReturnType<typeof useContactForm>; actions: SidebarActions }) {
  const { state } = form;
  if (state.status === 'loading') {
    return (
      <div className="related-form" data-testid="contact-form-loading" aria-label={text.loadingFields} role="status">
        <FwSkeleton count={3} height="12px" />
      </div>
    );
  }
  if (state.status === 'failed') return <FailureNotice failure={state.failure} onRetry={() => void form.open()} />;
  if (state.status !== 'open') return null;
  const create = async (values: Record<string, FieldValue>) => {
    const created = await actions.createContact(values);
    if (created) form.close();
    return created;
  };
  return <FieldForm fields={state.fields} submitLabel={text.createSubmit} onSubmit={create} onCancel={form.close} testId="contact-form" />;
}

/** The account's contacts, and a form to create one linked to the account. */
export function AccountContactsSection({ data, actions, settings }: SectionProps<AccountData>) {
  const form = useContactForm(actions, formCustomFields(settings, 'contact'));
  const contacts = data.contacts;
  return (
    <Section
      name="contacts"
      title={text.title}
      count={contacts.length}
      action={<HeaderAction label={text.create} testId="contact-create" onClick={() => void form.open()} disabled={form.state.status === 'loading'} />}
    >
      <FormArea form={form} actions={actions} />
      {contacts.length === 0 ? (
        <EmptyState text={text.emptyAccount} />
      ) : (
        <PagedList items={contacts} keyOf={(contact) => contact.id} itemTestId="contact-item" render={(contact) => <ContactItem contact={contact} actions={actions} />} />
      )}
    </Section>
  );
}
