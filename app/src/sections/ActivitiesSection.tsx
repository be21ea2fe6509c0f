import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useEffect, useState } from 'react';
import type { SalesActivity } from '../../../common/crm/operations';
import { activitiesNewestFirst, activityKind, type ActivityInput, type ActivityType } from '../data/activity-writes';
import { refusalReason, type Written } from '../data/operation-writer';
import { ACTIVITY_PAGE_SIZE, type RecordOperations } from '../data/record-operations';
import { addMinutes, toLocalInput } from '../data/timestamps';
import type { SidebarData } from '../data/types';
import { formatDate } from '../fields/display';
import { format, messages } from '../i18n/messages';
import type { ActivityDraft } from './ActivityForm';
import { LazyActivityForm } from './LazyForms';
import { EmptyState, HeaderAction, PagedList, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.operations.activities;

/** The last half hour, ending now (to the minute): what a call just made looks like. */
export function newActivityDraft(now: Date): ActivityDraft {
  const end = new Date(now.getTime());
  end.setSeconds(0, 0);
  return { typeId: '', outcomeId: '', title: '', start: toLocalInput(addMinutes(end, -30)), end: toLocalInput(end), notes: '' };
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${formatDate(iso)}, ${date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}`;
}

function ActivityItem({ activity, types }: { activity: SalesActivity; types: ActivityType[] }) {
  const kind = activityKind(activity, types);
  return (
    <>
      <span className="item-title">
        <bdi>{activity.title}</bdi>
      </span>
      <span className="muted">{[kind, timeOf(activity.start_date)].filter((part) => part !== '').join(' · ')}</span>
      {activity.notes ? (
        <p className="note-text" dir="auto">
          {activity.notes}
        </p>
      ) : null}
    </>
  );
}

/** The account's list, page by page, narrowed to the record: the CRM has no per-record list. */
type Listing = { state: 'hidden' } | { state: 'loading'; pages: number } | { state: 'shown'; pages: number; more: boolean } | { state: 'failed'; reason: string; pages: number };

function useActivityList(records: RecordOperations) {
  const [listing, setListing] = useState<Listing>({ state: 'hidden' });
  const [found, setFound] = useState<SalesActivity[]>([]);
  const loadPage = async (page: number) => {
    setListing({ state: 'loading', pages: page - 1 });
    const answer = await records.recordActivities(page);
    if (!answer.ok) return setListing({ state: 'failed', reason: refusalReason(answer.failure), pages: page - 1 });
    setFound((current) => [...current.filter((row) => !answer.value.activities.some((fresh) => fresh.id === row.id)), ...answer.value.activities]);
    return setListing({ state: 'shown', pages: page, more: answer.value.more });
  };
  const pages = listing.state === 'hidden' ? 0 : listing.pages;
  /** A logged activity shows at once; after an unknown outcome a shown list is read again. */
  const afterLog = (outcome: Written<SalesActivity>) => {
    if (outcome.status === 'saved') setFound((current) => [outcome.value, ...current]);
    else if (outcome.status === 'unknown' && pages > 0) void loadPage(1);
  };
  return { listing, found, loadPage, pages, afterLog };
}

/** Type names for the list; the list still shows (without them) when they cannot be loaded. */
function useTypeNames(records: RecordOperations, wanted: boolean): ActivityType[] {
  const [types, setTypes] = useState<ActivityType[]>([]);
  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    void records.activityTypes().then((answer) => {
      if (live && answer.ok) setTypes(answer.value);
    });
    return () => {
      live = false;
    };
  }, [records, wanted]);
  return types;
}

function ListFooter({ listing, onLoad }: { listing: Listing; onLoad: (page: number) => void }) {
  if (listing.state === 'hidden') {
    return <HeaderAction label={text.show} testId="activities-show" onClick={() => onLoad(1)} />;
  }
  if (listing.state === 'loading') return <p className="muted" role="status">{text.loading}</p>;
  if (listing.state === 'failed') {
    return (
      <p className="form-error" role="alert" data-testid="activities-failed">
        {format(text.loadFailed, { reason: listing.reason })}{' '}
        <FwButton size="small" color="link" onFwClick={() => onLoad(listing.pages + 1)}>
          {messages.actions.retry}
        </FwButton>
      </p>
    );
  }
  return listing.more ? <HeaderAction label={text.older} testId="activities-older" onClick={() => onLoad(listing.pages + 1)} /> : null;
}

function ActivityList({ list, records, entity }: { list: ReturnType<typeof useActivityList>; records: RecordOperations; entity: SidebarData['entity'] }) {
  const types = useTypeNames(records, list.found.length > 0);
  const activities = activitiesNewestFirst(list.found);
  const empty = list.listing.state === 'shown' && !list.listing.more && activities.length === 0;
  return (
    <>
      {empty ? <EmptyState text={format(text.empty, { record: messages.entityNoun[entity], count: list.pages * ACTIVITY_PAGE_SIZE })} /> : null}
      {activities.length > 0 ? (
        <PagedList
          items={activities}
          keyOf={(activity) => activity.id}
          itemTestId="activity-item"
          textOf={(activity) => `${activity.title} ${activityKind(activity, types)} ${activity.notes ?? ''}`}
          things={text.things}
          render={(activity) => <ActivityItem activity={activity} types={types} />}
        />
      ) : null}
      <ListFooter listing={list.listing} onLoad={(page) => void list.loadPage(page)} />
    </>
  );
}

/**
 * "Log activity" on the open record, and its sales activities: the ones logged here at once,
 * the earlier ones on request (the account's list read page by page, never at open, so an
 * open still costs one call).
 */
export function ActivitiesSection({ data, actions, now = new Date() }: SectionProps<SidebarData>) {
  const records = actions.records;
  const [logging, setLogging] = useState(false);
  const list = useActivityList(records);
  const log = async (input: ActivityInput): Promise<Written> => {
    const outcome = await records.logActivity(input);
    list.afterLog(outcome);
    return outcome;
  };
  const count = list.listing.state === 'hidden' ? undefined : list.found.length;
  return (
    <Section name="activities" title={text.title} count={count} action={<HeaderAction label={text.log} testId="activity-log" onClick={() => setLogging(true)} />}>
      {logging ? <LazyActivityForm loadTypes={() => records.activityTypes()} initial={newActivityDraft(now)} onSubmit={log} onClose={() => setLogging(false)} /> : null}
      <ActivityList list={list} records={records} entity={data.entity} />
    </Section>
  );
}
