import { useEffect, useRef, type MouseEvent } from 'react';
import type { EntityType } from '../../../common/platform/client';
import type { SidebarData } from '../data/types';
import { messages } from '../i18n/messages';
import type { Host } from '../platform/host';
import { ContactName } from '../sections/ContactItem';
import { Isolate } from './Isolate';

/** The record's name; a contact's first and last name each isolated (B12). */
function RecordTitle({ data }: { data: SidebarData }) {
  if (data.entity === 'contact') return <ContactName contact={data.record} />;
  return <Isolate>{data.record.name}</Isolate>;
}

/**
 * Focus moves into the app when the drawer opens (the page loads with it) and each time it
 * is opened again (`app.activated`): to the title, where reading starts.
 */
function useFocusWhenOpened(host: Host) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const focusTitle = () => title.current?.focus({ preventScroll: true });
    focusTitle();
    return host.on('app.activated', focusTitle);
  }, [host]);
  return title;
}

interface SidebarHeaderProps {
  entity: EntityType;
  /** The loaded record; the app's name until then. */
  data: SidebarData | undefined;
  host: Host;
}

export function SidebarHeader({ entity, data, host }: SidebarHeaderProps) {
  const title = useFocusWhenOpened(host);
  return (
    <header className="sidebar-header">
      <h1 className="sidebar-title" tabIndex={-1} ref={title}>
        {data === undefined ? messages.appTitle : <RecordTitle data={data} />}
      </h1>
      <span className="muted">{messages.entityLabel[entity]}</span>
    </header>
  );
}

/** The first section after the summary, inside the same sidebar. */
function sectionAfterSummary(from: Element): HTMLElement | null {
  return (from.closest('.sidebar') ?? document).querySelector<HTMLElement>('.summary-section ~ .related-section');
}

/** "Skip to sections": past the summary's many edit buttons, to the first related section. Shown on focus. */
export function SkipToSections() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = sectionAfterSummary(event.currentTarget);
    target?.focus();
    target?.scrollIntoView?.({ block: 'start' });
  };
  return (
    <a href="#sections" className="skip-link" data-testid="skip-to-sections" onClick={skip}>
      {messages.sections.skipToSections}
    </a>
  );
}
