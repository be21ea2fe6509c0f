import type { ContactSummary } from '../../../common/crm/records';
import type { SidebarActions } from '../data/types';
import { messages } from '../i18n/messages';
import { RecordLink } from './Section';

/** The name to show: display name, else first and last name, else the email. */
export function contactName(contact: ContactSummary): string {
  const joined = [contact.first_name, contact.last_name].filter((part) => part !== null && part !== undefined && part !== '').join(' ');
  return contact.display_name || joined || contact.email || messages.sections.contacts.unnamed;
}

/** One linked contact: name (opens the contact), email and job title. */
export function ContactItem({ contact, actions }: { contact: ContactSummary; actions: SidebarActions }) {
  return (
    <>
      <RecordLink name={contactName(contact)} onOpen={() => actions.openRecord('contact', contact.id)} />
      {contact.job_title ? <span className="muted">{contact.job_title}</span> : null}
      {contact.email ? <span className="muted">{contact.email}</span> : null}
    </>
  );
}
