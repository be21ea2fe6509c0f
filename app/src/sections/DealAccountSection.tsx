import { ActionLink } from '../components/links';
import type { DealData } from '../data/types';
import { messages } from '../i18n/messages';
import { EmptyState, RecordLink, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.account;

export { websiteHref } from '../components/links';

/** The website as a link (http and https only, opening beside the CRM), else as text. */
export function Website({ website }: { website: string | null | undefined }) {
  if (website === null || website === undefined || website.trim() === '') return null;
  return <ActionLink kind="url" text={website} className="muted" />;
}

/** The deal's account, or a note that it has none. */
export function DealAccountSection({ data, actions }: SectionProps<DealData>) {
  const account = data.account;
  return (
    <Section name="account" title={text.title}>
      {account === null ? (
        <EmptyState text={text.empty} />
      ) : (
        <ul className="related-list">
          <li className="related-item" data-testid="account-item">
            <RecordLink name={account.name} onOpen={() => actions.openRecord('account', account.id)} />
            <Website website={account.website} />
          </li>
        </ul>
      )}
    </Section>
  );
}
