import { FwSkeleton } from '@freshworks/crayons/react/FwSkeleton';
import { useState } from 'react';
import type { CrmFailure } from '../../../common/crm/failure';
import type { CustomFieldChoice } from '../../../common/sidebar-settings';
import { createFormFields, formCustomFields } from '../fields/builtins';
import { FailureNotice } from '../components/FailureNotice';
import type { AccountData, SidebarActions } from '../data/types';
import { FieldForm } from '../fields/FieldForm';
import { format, messages } from '../i18n/messages';
import { fieldByName, type FieldDef, type FieldValue } from '../model/fields';
import { ContactItem, contactText } from './ContactItem';
import { EmptyState, HeaderAction, PagedList, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.contacts;
const QUICK_CONTACT_FIELDS = ['first_name', 'last_name', 'job_title'];

/**
 * The "+ Contact" form: names and job title as the settings define them, required custom
 * fields, an email and a mobile number (a contact is reached by one of them).
 */
export function newContactFields(contactFields: readonly FieldDef[], customFields: CustomFieldChoice = { kind: 'none' }): FieldDef[] {
  // Quick fields (hidden or not), required ones and the admin's custom fields; the mobile number comes last.
  const chosen = createFormFields(contactFields.filter((field) => field.name !== 'mobile_number'), QUICK_CONTACT_FIELDS, customFields);
  const email: FieldDef = { name: 'emails', label: text.email, kind: 'email', required: false, custom: false, choices: [] };
  const mobile: FieldDef = fieldByName(contactFields, 'mobile_number') ?? { name: 'mobile_number', label: text.mobile, kind: 'phone', required: false, custom: false, choices: [] };
  return [...chosen, email, mobile];
}

const filled = (value: FieldValue | undefined): boolean => (typeof value === 'string' ? value.trim() !== '' : value !== null && value !== undefined);

/** What the browser checks before sending a new contact: a name, and an email or a mobile number. */
export function newContactProblem(values: Record<string, FieldValue>): string | undefined {
  if (!filled(values.first_name) && !filled(values.last_name)) return text.needName;
  if (!filled(values.emails) && !filled(values.mobile_number)) return text.needReach;
  return undefined;
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
    let refusal: string | undefined;
    const created = await actions.createContact(values, (reason) => (refusal = reason));
    if (created) form.close();
    // Freshsales' own words in full: the platform notification cuts them at 100 characters.
    return created || (refusal === undefined ? false : format(text.refused, { reason: refusal }));
  };
  return (
    <FieldForm fields={state.fields} submitLabel={text.createSubmit} onSubmit={create} check={newContactProblem} onCancel={form.close} testId="contact-form" />
  );
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
        <PagedList
          items={contacts}
          keyOf={(contact) => contact.id}
          itemTestId="contact-item"
          textOf={contactText}
          things={text.things}
          render={(contact) => <ContactItem contact={contact} actions={actions} />}
        />
      )}
    </Section>
  );
}
