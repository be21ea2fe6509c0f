import type { DealData } from '../data/types';
import { messages } from '../i18n/messages';
import { EmptyState, RecordLink, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.account;

/** An http(s) address for a website as users type it ("acme.example"); anything else stays text. */
export function websiteHref(website: string): string | undefined {
  const trimmed = website.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  // A scheme other than http(s) (javascript:, data:) is never turned into a link.
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed === '') return undefined;
  return `https://${trimmed}`;
}

export function Website({ website }: { website: string | null | undefined }) {
  if (website === null || website === undefined || website.trim() === '') return null;
  const href = websiteHref(website);
  if (href === undefined) return <span className="muted">{website}</span>;
  return (
    <a className="muted" href={href} target="_blank" rel="noopener noreferrer">
      {website}
    </a>
  );
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
