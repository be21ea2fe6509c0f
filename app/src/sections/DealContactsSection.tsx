import type { DealData } from '../data/types';
import { format, messages } from '../i18n/messages';
import { contactName, ContactItem } from './ContactItem';
import { ContactSearch } from './ContactSearch';
import { EmptyState, PagedList, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.contacts;

/** The deal's contacts: open one, remove one, or find and add one. */
export function DealContactsSection({ data, actions }: SectionProps<DealData>) {
  const contacts = data.contacts;
  return (
    <Section name="contacts" title={text.title} count={contacts.length}>
      {contacts.length === 0 ? (
        <EmptyState text={text.emptyDeal} />
      ) : (
        <PagedList
          items={contacts}
          keyOf={(contact) => contact.id}
          itemTestId="contact-item"
          render={(contact) => (
            <div className="item-line contact-row">
              <div className="related-item-body">
                <ContactItem contact={contact} actions={actions} />
              </div>
              <button
                type="button"
                className="icon-button"
                data-testid="contact-remove"
                aria-label={format(text.remove, { name: contactName(contact) })}
                onClick={() => void actions.removeContact(contact.id)}
              >
                ×
              </button>
            </div>
          )}
        />
      )}
      <ContactSearch actions={actions} linkedIds={contacts.map((contact) => contact.id)} />
    </Section>
  );
}
