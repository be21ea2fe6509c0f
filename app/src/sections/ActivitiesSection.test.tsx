import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { activityTypes } from '../data/activity-writes';
import type { SidebarData } from '../data/types';
import type { Written } from '../data/operation-writer';
import { parseLocalInput } from '../data/timestamps';
import { format, messages } from '../i18n/messages';
import { deferred } from '../test/fake-client';
import { activityOutcomesBody, activityTypesBody, OPS, salesActivity } from '../test/operation-fixtures';
import { ActivitiesSection, newActivityDraft } from './ActivitiesSection';
import { activityProblems, withType } from './ActivityForm';
import { contactData, dealData, fakeActions, NOW, type FakeActions } from '../test/section-fixtures';
import { clickAndSettle, pastThrottle } from './testing';

const text = messages.operations.activities;
const TYPES = activityTypes(activityTypesBody(), activityOutcomesBody());
const FAILURE = { kind: 'forbidden' as const, messages: [], detail: 'HTTP 403' };

function withTypes(actions: FakeActions = fakeActions()): FakeActions {
  actions.records.activityTypes.mockResolvedValue({ ok: true, value: TYPES });
  return actions;
}

async function openForm(actions: FakeActions, data: SidebarData = contactData()) {
  render(<ActivitiesSection data={data} actions={actions} now={NOW} />);
  await clickAndSettle(screen.getByTestId('activity-log'));
  await screen.findByTestId('activity-type');
}

const control = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);
const change = (testId: string, value: string) => fireEvent.change(control(testId), { target: { value } });

describe('Log activity', () => {
  it('loads the account\'s types, focuses the first, titles the activity after it, covers the last half hour', async () => {
    const actions = withTypes();
    await openForm(actions);
    expect(control('activity-type')).toHaveFocus();
    expect(control('activity-type').value).toBe(String(OPS.call));
    expect(control('activity-title').value).toBe('Call');
    expect(within(control('activity-outcome')).getAllByRole('option').map((option) => option.textContent)).toEqual([text.noOutcome, 'Interested', 'Left voicemail']);
    expect(control('activity-start').value).toBe('2024-05-10T11:30');
    expect(control('activity-end').value).toBe('2024-05-10T12:00');
  });

  it('asks for an outcome where the type needs one, and sends nothing until it has one', async () => {
    const actions = withTypes();
    await openForm(actions);
    change('activity-type', String(OPS.demo));
    expect(control('activity-title').value).toBe('Demo');
    await clickAndSettle(screen.getByTestId('activity-save'));
    expect(screen.getByText(format(text.outcomeRequired, { type: 'Demo' }))).toBeInTheDocument();
    expect(actions.records.logActivity).not.toHaveBeenCalled();
    change('activity-outcome', String(OPS.demoWell));
    change('activity-notes', '  Liked the reports  ');
    await pastThrottle();
    await clickAndSettle(screen.getByTestId('activity-save'));
    expect(actions.records.logActivity).toHaveBeenCalledWith({
      title: 'Demo',
      typeId: OPS.demo,
      outcomeId: OPS.demoWell,
      start: parseLocalInput('2024-05-10T11:30'),
      end: parseLocalInput('2024-05-10T12:00'),
      notes: 'Liked the reports',
    });
  });

  it('shows a logged activity at once, with its type and outcome', async () => {
    const actions = withTypes();
    actions.records.logActivity.mockResolvedValue({ status: 'saved', value: salesActivity({ title: 'Pricing call' }) });
    await openForm(actions, dealData());
    await clickAndSettle(screen.getByTestId('activity-save'));
    await waitFor(() => expect(screen.queryByTestId('activity-form')).toBeNull());
    const item = await screen.findByTestId('activity-item');
    expect(item).toHaveTextContent('Pricing call');
    expect(item).toHaveTextContent('Call · Interested');
    expect(item).toHaveTextContent('Discussed scope');
  });

  it('keeps the form open with the CRM\'s reason when it refuses', async () => {
    const actions = withTypes();
    const answer = deferred<Written>();
    actions.records.logActivity.mockImplementation(() => answer.promise as never);
    await openForm(actions);
    await clickAndSettle(screen.getByTestId('activity-save'));
    await act(async () => {
      answer.resolve({ status: 'refused', reason: 'Owner is invalid' });
      await answer.promise;
    });
    expect(screen.getByTestId('form-refusal')).toHaveTextContent('Owner is invalid');
    expect(screen.getByTestId('activity-form')).toBeInTheDocument();
  });

  it('says why the types could not be loaded, or that there are none; Esc closes', async () => {
    const actions = fakeActions();
    actions.records.activityTypes.mockResolvedValue({ ok: false, failure: FAILURE });
    render(<ActivitiesSection data={contactData()} actions={actions} now={NOW} />);
    await clickAndSettle(screen.getByTestId('activity-log'));
    expect(await screen.findByTestId('activity-types-problem')).toHaveTextContent(format(text.typesFailed, { reason: messages.writes.reasons.forbidden }));
    fireEvent.keyDown(screen.getByTestId('activity-form'), { key: 'Escape' });
    expect(screen.queryByTestId('activity-form')).toBeNull();
    actions.records.activityTypes.mockResolvedValue({ ok: true, value: [] });
    await pastThrottle();
    await clickAndSettle(screen.getByTestId('activity-log'));
    expect(await screen.findByTestId('activity-types-problem')).toHaveTextContent(text.noTypes);
  });
});

describe('the record\'s activities', () => {
  it('loads nothing at open; on request lists the record\'s, then older pages', async () => {
    const actions = withTypes();
    actions.records.recordActivities
      .mockResolvedValueOnce({ ok: true, value: { activities: [salesActivity({ id: 1, title: 'First call', start_date: '2024-05-01T10:00:00Z' })], more: true } })
      .mockResolvedValueOnce({ ok: true, value: { activities: [salesActivity({ id: 2, title: 'Older call', start_date: '2024-01-01T10:00:00Z' })], more: false } });
    render(<ActivitiesSection data={contactData()} actions={actions} now={NOW} />);
    expect(actions.records.recordActivities).not.toHaveBeenCalled();
    await clickAndSettle(screen.getByTestId('activities-show'));
    expect(actions.records.recordActivities).toHaveBeenLastCalledWith(1);
    expect(await screen.findByText('First call')).toBeInTheDocument();
    await pastThrottle();
    await clickAndSettle(screen.getByTestId('activities-older'));
    expect(actions.records.recordActivities).toHaveBeenLastCalledWith(2);
    await screen.findByText('Older call');
    expect(screen.getAllByTestId('activity-item').map((item) => item.querySelector('.item-title')?.textContent)).toEqual(['First call', 'Older call']);
    expect(screen.getByTestId('section-count')).toHaveTextContent('2');
    expect(screen.queryByTestId('activities-older')).toBeNull();
  });

  it('says when the record has none among the pages read, and why a page failed', async () => {
    const actions = withTypes();
    actions.records.recordActivities.mockResolvedValueOnce({ ok: false, failure: FAILURE }).mockResolvedValueOnce({ ok: true, value: { activities: [], more: false } });
    render(<ActivitiesSection data={contactData()} actions={actions} now={NOW} />);
    await clickAndSettle(screen.getByTestId('activities-show'));
    expect(await screen.findByTestId('activities-failed')).toHaveTextContent(format(text.loadFailed, { reason: messages.writes.reasons.forbidden }));
    await clickAndSettle(within(screen.getByTestId('activities-failed')).getByText(messages.actions.retry));
    expect(await screen.findByTestId('section-empty')).toHaveTextContent(format(text.empty, { record: 'contact', count: 100 }));
  });
});

describe('activity drafts', () => {
  it('keeps a title the user typed when the type changes', () => {
    const draft = { ...newActivityDraft(NOW), typeId: String(OPS.call), title: 'Call' };
    expect(withType(draft, TYPES, String(OPS.meeting)).title).toBe('Meeting');
    expect(withType({ ...draft, title: 'Pricing' }, TYPES, String(OPS.meeting)).title).toBe('Pricing');
    expect(activityProblems({ ...draft, typeId: '' }, TYPES)).toMatchObject({ typeId: text.typeRequired });
    expect(activityProblems({ ...draft, title: ' ', notes: 'x'.repeat(10_001) }, TYPES)).toMatchObject({ title: text.titleRequired, notes: expect.any(String) as unknown });
  });
});
