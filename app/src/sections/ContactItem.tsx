import type { ReactNode } from 'react';
import type { ContactSummary } from '../../../common/crm/records';
import { Isolate, NameParts } from '../components/Isolate';
import { ActionLink } from '../components/links';
import type { SidebarActions } from '../data/types';
import { messages } from '../i18n/messages';
import { RecordLink } from './Section';

const present = (part: string | null | undefined): part is string => part !== null && part !== undefined && part !== '';

/** The name to show: display name, else first and last name, else the email. */
export function contactName(contact: ContactSummary): string {
  const joined = [contact.first_name, contact.last_name].filter(present).join(' ');
  return contact.display_name || joined || contact.email || messages.sections.contacts.unnamed;
}

/** The shown name with first and last name isolated apart when it is made of them. */
export function ContactName({ contact }: { contact: ContactSummary }): ReactNode {
  const parts = [contact.first_name, contact.last_name];
  const joined = parts.filter(present).join(' ');
  if (joined !== '' && (!contact.display_name || contact.display_name === joined)) return <NameParts parts={parts} fallback={joined} />;
  return <Isolate>{contactName(contact)}</Isolate>;
}

/** What a contacts list filter matches: name, job title and email. */
export function contactText(contact: ContactSummary): string {
  return [contactName(contact), contact.job_title, contact.email].filter(present).join(' ');
}

/** One linked contact: name (opens the contact), job title, and email (a mailto: link). */
export function ContactItem({ contact, actions }: { contact: ContactSummary; actions: SidebarActions }) {
  return (
    <>
      <RecordLink name={<ContactName contact={contact} />} onOpen={() => actions.openRecord('contact', contact.id)} />
      {contact.job_title ? (
        <span className="muted">
          <Isolate>{contact.job_title}</Isolate>
        </span>
      ) : null}
      {contact.email ? <ActionLink kind="email" text={contact.email} className="muted" /> : null}
    </>
  );
}
