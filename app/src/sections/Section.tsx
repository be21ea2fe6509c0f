import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useId, useState, type ReactNode } from 'react';
import type { EntityType } from '../../../common/platform/client';
import { Isolate } from '../components/Isolate';
import { format, messages } from '../i18n/messages';

/** How many items a list shows at first, and how many more each "Show more" adds. */
export const FIRST_PAGE = 5;
export const NEXT_PAGE = 10;
/** A list longer than this gets a filter box. */
export const FILTER_ABOVE = 10;

interface SectionProps {
  /** Becomes the root test id `section-<name>`. */
  name: string;
  title: string;
  /** Hidden when the CRM did not list the records (nothing to count). */
  count?: number;
  /** A button in the header, e.g. "+ Task". */
  action?: ReactNode;
  children: ReactNode;
}

/** The shell of every related-record section: a labelled region with a heading and a count. */
export function Section({ name, title, count, action, children }: SectionProps) {
  const headingId = useId();
  return (
    // tabIndex -1: the "skip to sections" link moves focus here.
    <section className="section related-section" aria-labelledby={headingId} data-testid={`section-${name}`} tabIndex={-1}>
      <div className="related-header">
        <h2 id={headingId} className="section-title">
          {title}
          {count === undefined ? null : (
            <span className="count-badge" data-testid="section-count">
              {count}
            </span>
          )}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

interface HeaderActionProps {
  label: string;
  testId: string;
  onClick: () => void;
  disabled?: boolean;
}

/** The small Crayons button in a section's header ("+ Task", "+ Deal"). */
export function HeaderAction({ label, testId, onClick, disabled = false }: HeaderActionProps) {
  return (
    <FwButton size="small" color="secondary" data-testid={testId} disabled={disabled} onFwClick={onClick}>
      {label}
    </FwButton>
  );
}

interface PagedListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string | number;
  render: (item: T) => ReactNode;
  /** Test id of each <li>. */
  itemTestId: string;
  /** The item's text as shown (name, title, email…): what the filter box matches. */
  textOf: (item: T) => string;
  /** What the list holds, for the filter box's label ("contacts"). */
  things?: string;
}

/** The items whose shown text contains the query, ignoring case; all of them for a blank query. */
export function matchingItems<T>(items: readonly T[], textOf: (item: T) => string, query: string): readonly T[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return items;
  return items.filter((item) => textOf(item).toLocaleLowerCase().includes(needle));
}

function ListFilter({ query, onChange, things }: { query: string; onChange: (query: string) => void; things: string }) {
  const label = format(messages.sections.filter.label, { things });
  return (
    <input
      type="search"
      className="list-filter note-input"
      data-testid="list-filter"
      aria-label={label}
      placeholder={label}
      autoComplete="off"
      value={query}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function NoMatch({ query }: { query: string }) {
  return (
    <p className="muted" data-testid="filter-empty" role="status">
      {format(messages.sections.filter.empty, { query })}
    </p>
  );
}

/**
 * A list that shows the first few items and grows on "Show more", saying how many remain.
 * Past `FILTER_ABOVE` items a filter box narrows it first; "Show more" pages what matches.
 */
export function PagedList<T>({ items, keyOf, render, itemTestId, textOf, things = messages.sections.filter.items }: PagedListProps<T>) {
  const [shown, setShown] = useState(FIRST_PAGE);
  const [query, setQuery] = useState('');
  const filterable = items.length > FILTER_ABOVE;
  const matching = filterable ? matchingItems(items, textOf, query) : items;
  const remaining = matching.length - shown;
  return (
    <>
      {filterable ? <ListFilter query={query} onChange={setQuery} things={things} /> : null}
      {matching.length === 0 && query.trim() !== '' ? <NoMatch query={query.trim()} /> : null}
      <ul className="related-list">
        {matching.slice(0, shown).map((item) => (
          <li key={keyOf(item)} className="related-item" data-testid={itemTestId}>
            {render(item)}
          </li>
        ))}
      </ul>
      {remaining > 0 ? (
        <FwButton color="link" size="small" data-testid="show-more" onFwClick={() => setShown(shown + NEXT_PAGE)}>
          {format(messages.sections.showMore, { remaining })}
        </FwButton>
      ) : null}
    </>
  );
}

/** What an empty section says: what to do next. */
export function EmptyState({ text }: { text: string }) {
  return (
    <p className="section-empty muted" data-testid="section-empty">
      {text}
    </p>
  );
}

/** The CRM would not side-load these records (`things`: "tasks") for this kind of record. */
export function Unavailable({ things, entity }: { things: string; entity: EntityType }) {
  return (
    <p className="section-unavailable muted" data-testid="section-unavailable">
      {format(messages.sections.unavailable, { things, records: messages.sections.records[entity] })}
    </p>
  );
}

/** A record name (isolated text) that opens the record's page in the CRM. */
export function RecordLink({ name, onOpen }: { name: ReactNode; onOpen: () => void }) {
  return (
    <button type="button" className="record-link" onClick={onOpen}>
      <Isolate>{name}</Isolate>
    </button>
  );
}
