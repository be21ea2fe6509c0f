import type { AccountLink, ContactData } from '../data/types';
import { messages } from '../i18n/messages';
import { EmptyState, PagedList, RecordLink, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.accounts;

/** Primary first; the rest keep the CRM's order. */
export function primaryFirst(accounts: readonly AccountLink[]): AccountLink[] {
  return [...accounts].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
}

/** The contact's accounts; a name opens the account page. */
export function AccountsSection({ data, actions }: SectionProps<ContactData>) {
  const accounts = primaryFirst(data.accounts);
  return (
    <Section name="accounts" title={text.title} count={accounts.length}>
      {accounts.length === 0 ? (
        <EmptyState text={text.empty} />
      ) : (
        <PagedList
          items={accounts}
          keyOf={(account) => account.id}
          itemTestId="account-item"
          textOf={(account) => account.name}
          things={text.things}
          render={(account) => (
            <div className="item-line">
              <RecordLink name={account.name} onOpen={() => actions.openRecord('account', account.id)} />
              {account.isPrimary ? <span className="marker">{text.primary}</span> : null}
            </div>
          )}
        />
      )}
    </Section>
  );
}
