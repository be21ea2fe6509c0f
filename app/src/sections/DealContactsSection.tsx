import { useEffect, useRef, useState } from 'react';
import type { ContactSummary } from '../../../common/crm/records';
import { formatIsolated } from '../components/Isolate';
import type { DealData, SidebarActions } from '../data/types';
import { format, messages } from '../i18n/messages';
import { ContactItem, ContactName, contactName, contactText } from './ContactItem';
import { ContactSearch } from './ContactSearch';
import { EmptyState, PagedList, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.contacts;
/** How long "Undo" stays after a contact is removed from the deal. */
export const UNDO_MS = 8000;

interface Removal {
  contact: ContactSummary;
  /** The removal's write: true once Freshsales has unlinked the contact. */
  done: Promise<boolean>;
}

/**
 * Removing a contact unlinks it at once (optimistically) and offers Undo for `UNDO_MS`; Undo
 * links it again once the removal has landed. A refused removal is rolled back by the data
 * layer, and then there is nothing to undo.
 */
function useRemovalWithUndo(actions: SidebarActions) {
  const [removal, setRemoval] = useState<Removal>();
  useEffect(() => {
    if (removal === undefined) return undefined;
    const timer = setTimeout(() => setRemoval(undefined), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removal]);
  const remove = (contact: ContactSummary) => {
    const entry: Removal = { contact, done: actions.removeContact(contact.id) };
    setRemoval(entry);
    void entry.done.then((removed) => {
      if (!removed) setRemoval((current) => (current === entry ? undefined : current));
    });
  };
  const undo = async () => {
    if (removal === undefined) return;
    setRemoval(undefined);
    const { contact } = removal;
    if (await removal.done) await actions.addContact({ id: contact.id, name: contactName(contact), email: contact.email ?? null });
  };
  return { removal, remove, undo };
}

function UndoBar({ contact, onUndo }: { contact: ContactSummary; onUndo: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  // The removed row took the focused × with it: Undo is where the keyboard continues.
  useEffect(() => button.current?.focus(), [contact]);
  return (
    <div className="undo-bar" role="status" data-testid="undo-bar">
      <span>{formatIsolated(text.removed, { name: <ContactName contact={contact} /> })}</span>
      <button type="button" ref={button} className="link-button" data-testid="undo" onClick={onUndo}>
        {text.undo}
      </button>
    </div>
  );
}

function ContactRow({ contact, actions, onRemove }: { contact: ContactSummary; actions: SidebarActions; onRemove: () => void }) {
  return (
    <div className="item-line contact-row">
      <div className="related-item-body">
        <ContactItem contact={contact} actions={actions} />
      </div>
      <button type="button" className="icon-button" data-testid="contact-remove" aria-label={format(text.remove, { name: contactName(contact) })} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}

/** The deal's contacts: open one, remove one (with Undo), or find and add one. */
export function DealContactsSection({ data, actions }: SectionProps<DealData>) {
  const contacts = data.contacts;
  const { removal, remove, undo } = useRemovalWithUndo(actions);
  return (
    <Section name="contacts" title={text.title} count={contacts.length}>
      {removal === undefined ? null : <UndoBar contact={removal.contact} onUndo={() => void undo()} />}
      {contacts.length === 0 ? (
        <EmptyState text={text.emptyDeal} />
      ) : (
        <PagedList
          items={contacts}
          keyOf={(contact) => contact.id}
          itemTestId="contact-item"
          textOf={contactText}
          things={text.things}
          render={(contact) => <ContactRow contact={contact} actions={actions} onRemove={() => remove(contact)} />}
        />
      )}
      <ContactSearch actions={actions} linkedIds={contacts.map((contact) => contact.id)} />
    </Section>
  );
}
