import { FwButton } from '@freshworks/crayons/react/FwButton';
import { FwInlineMessage } from '@freshworks/crayons/react/FwInlineMessage';
import { FwSkeleton } from '@freshworks/crayons/react/FwSkeleton';
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EntityType } from '../../common/platform/client';
import { sidebarSettings } from '../../common/sidebar-settings';
import type { SidebarBoot } from './boot';
import { FailureNotice } from './components/FailureNotice';
import { SidebarHeader, SkipToSections } from './components/SidebarHeader';
import { createActions } from './data/actions';
import type { CurrentUser, DataFor, SidebarActions, SidebarData } from './data/types';
import { useSidebar, type SidebarState } from './data/useSidebar';
import { format, messages } from './i18n/messages';
import type { Host } from './platform/host';
import { RELATED_SECTIONS } from './sections';
import { LeadConversion } from './sections/LeadConversion';
import { SummarySection } from './sections/SummarySection';

/** Keeps the drawer exactly as tall as the content (the host caps it at 700 px). */
function useFitHeight(host: Host) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (element === null) return undefined;
    const fit = () => host.resize(element.getBoundingClientRect().height);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [host]);
  return root;
}

function useResolved<T>(promise: Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void promise.then((resolved) => {
      if (live) setValue(resolved);
    });
    return () => {
      live = false;
    };
  }, [promise]);
  return value;
}

function LoadingSkeleton({ entity }: { entity: EntityType }) {
  return (
    <div className="sidebar-skeleton" aria-label={format(messages.sidebar.loading, { entity: messages.entityNoun[entity] })}>
      <FwSkeleton count={4} height="12px" />
      <FwSkeleton count={3} height="12px" />
      <FwSkeleton count={3} height="12px" />
    </div>
  );
}

function BusyNotice({ retryInMs, onRetry }: { retryInMs: number; onRetry: () => void }) {
  return (
    <div className="failure" data-testid="sidebar-busy">
      <FwInlineMessage open type="warning" closable={false}>
        {format(messages.sidebar.busy, { seconds: Math.ceil(retryInMs / 1000) })}
      </FwInlineMessage>
      <FwButton color="secondary" size="small" onFwClick={onRetry}>
        {messages.sidebar.busyNow}
      </FwButton>
    </div>
  );
}

interface RelatedProps {
  data: SidebarData;
  actions: SidebarActions;
  currentUser: CurrentUser | undefined;
  settings?: Record<string, unknown>;
}

/** The admin's sections, in the admin's order. */
function Sections({ data, actions, currentUser, settings }: RelatedProps & { settings: Record<string, unknown> }) {
  const chosen = sidebarSettings(data.entity, settings);
  // Each sidebar's map only names its own sections, so the loose lookup is safe.
  const related = RELATED_SECTIONS[data.entity] as Partial<Record<string, (props: RelatedProps) => ReactNode>>;
  return (
    <>
      {/* Lead conversion comes first: it only shows on contacts in a lead stage. */}
      {data.entity === 'contact' ? <LeadConversion data={data} actions={actions} currentUser={currentUser} /> : null}
      {chosen.sections.map((name, index) => {
        if (name === 'summary') {
          const sectionsFollow = chosen.sections.slice(index + 1).some((later) => related[later] !== undefined);
          return (
            <Fragment key={name}>
              {sectionsFollow ? <SkipToSections /> : null}
              <SummarySection data={data} actions={actions} customFields={chosen.customFields} />
            </Fragment>
          );
        }
        const Component = related[name];
        return Component === undefined ? null : <Component key={name} data={data} actions={actions} currentUser={currentUser} settings={settings} />;
      })}
    </>
  );
}

function Body<E extends EntityType>(props: { entity: E; state: SidebarState<E>; reload: () => void; sections: (data: DataFor<E>) => ReactNode }) {
  const { state } = props;
  if (state.status === 'loading') return <LoadingSkeleton entity={props.entity} />;
  if (state.status === 'busy') return <BusyNotice retryInMs={state.retryInMs} onRetry={props.reload} />;
  if (state.status === 'error') return <FailureNotice failure={state.failure} onRetry={props.reload} />;
  return <>{props.sections(state.data)}</>;
}

/**
 * One placement's sidebar. `data-state` tells tests and benchmarks when content is on screen.
 */
export function Sidebar<E extends EntityType>(boot: SidebarBoot & { entity: E }) {
  const { entity, host, metadata } = boot;
  const root = useFitHeight(host);
  const sidebar = useSidebar(entity, { host, metadata, ...(boot.preload === undefined ? {} : { preload: boot.preload }) });
  const currentUser = useResolved(boot.user);
  const { mutate, current } = sidebar;
  const actions = useMemo(
    () => createActions({ entity, host, metadata, sidebar: { mutate, current }, currentUser: () => currentUser }),
    [entity, host, metadata, mutate, current, currentUser],
  );
  const state = sidebar.state;
  return (
    <div ref={root} className="sidebar" data-testid="sidebar" data-state={state.status} aria-busy={state.status === 'loading'}>
      <SidebarHeader entity={entity} data={state.status === 'ready' ? state.data : undefined} host={host} />
      <Body
        entity={entity}
        state={state}
        reload={sidebar.reload}
        sections={(data) => <Sections data={data} actions={actions} currentUser={currentUser} settings={boot.settings} />}
      />
    </div>
  );
}
