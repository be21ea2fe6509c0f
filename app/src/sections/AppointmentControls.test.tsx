import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Written } from '../data/operation-writer';
import type { SidebarData } from '../data/types';
import { parseLocalInput, toLocalInput } from '../data/timestamps';
import { format, messages } from '../i18n/messages';
import { clickFwButton } from '../test/crayons';
import { deferred } from '../test/fake-client';
import { appointmentDraft, newAppointmentDraft } from './AppointmentControls';
import { appointmentProblems } from './AppointmentForm';
import { AppointmentsSection } from './AppointmentsSection';
import { APPOINTMENTS, contactData, dealData, fakeActions, NOW, type FakeActions } from '../test/section-fixtures';
import { clickAndSettle, pastThrottle } from './testing';

const text = messages.operations.appointments;
const moment = messages.operations.moment;

async function openCreateForm(actions: FakeActions = fakeActions(), data: SidebarData = contactData()) {
  render(<AppointmentsSection data={data} actions={actions} now={NOW} />);
  await clickFwButton(screen.getByTestId('appointment-create'));
  return screen.findByTestId('appointment-form');
}

const field = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);
const type = (testId: string, value: string) => fireEvent.change(field(testId), { target: { value } });

describe('appointment form', () => {
  it('opens lazily with the title focused, the next half hour for 30 minutes, and the contact invited', async () => {
    await openCreateForm();
    expect(field('appointment-title')).toHaveFocus();
    expect(field('appointment-start').value).toBe('2024-05-10T12:30');
    expect(field('appointment-end').value).toBe('2024-05-10T13:00');
    const [attendee] = screen.getAllByTestId<HTMLInputElement>('appointment-attendee');
    expect(attendee?.checked).toBe(true);
    expect(screen.getByText('Priya Nair')).toBeInTheDocument();
  });

  it('invites none of a deal\'s contacts until ticked', async () => {
    const actions = fakeActions();
    await openCreateForm(actions, dealData());
    const boxes = screen.getAllByTestId<HTMLInputElement>('appointment-attendee');
    expect(boxes.map((box) => box.checked)).toEqual([false, false]);
    fireEvent.click(boxes[1] as HTMLInputElement);
    type('appointment-title', 'Kick-off');
    await clickAndSettle(screen.getByTestId('appointment-save'));
    expect(actions.records.createAppointment).toHaveBeenCalledWith(expect.objectContaining({ attendeeIds: [402000000502] }));
  });

  it('checks in the browser: a title, real times, years 1900 to 2100, the end after the start; nothing is sent', async () => {
    const actions = fakeActions();
    await openCreateForm(actions);
    type('appointment-start', '1899-12-31T10:00');
    type('appointment-end', '2024-05-10T09:00');
    await clickAndSettle(screen.getByTestId('appointment-save'));
    expect(screen.getByText(text.titleRequired)).toBeInTheDocument();
    expect(screen.getByText(moment.range)).toBeInTheDocument();
    expect(field('appointment-title')).toHaveAttribute('aria-invalid', 'true');
    type('appointment-start', '2024-05-10T10:00');
    type('appointment-title', 'Demo');
    await pastThrottle();
    await clickAndSettle(screen.getByTestId('appointment-save'));
    expect(screen.getByText(moment.endBeforeStart)).toBeInTheDocument();
    expect(actions.records.createAppointment).not.toHaveBeenCalled();
  });

  it('sends the typed moments (Enter saves) and closes when the CRM accepts', async () => {
    const actions = fakeActions();
    await openCreateForm(actions);
    type('appointment-title', '  Demo  ');
    type('appointment-start', '2027-01-17T09:30');
    type('appointment-end', '2027-01-17T10:15');
    type('appointment-location', ' Zoom ');
    await act(async () => {
      fireEvent.keyDown(field('appointment-location'), { key: 'Enter' });
      await Promise.resolve();
    });
    expect(actions.records.createAppointment).toHaveBeenCalledWith({
      title: 'Demo',
      from: parseLocalInput('2027-01-17T09:30'),
      end: parseLocalInput('2027-01-17T10:15'),
      location: 'Zoom',
      attendeeIds: [402000000501],
    });
    await waitFor(() => expect(screen.queryByTestId('appointment-form')).toBeNull());
  });

  it('keeps the form and what was typed when the CRM refuses, saying why', async () => {
    const answer = deferred<Written>();
    const actions = fakeActions();
    actions.records.createAppointment.mockImplementation(() => answer.promise);
    await openCreateForm(actions);
    type('appointment-title', 'Demo');
    await clickAndSettle(screen.getByTestId('appointment-save'));
    await act(async () => {
      answer.resolve({ status: 'refused', reason: 'Time zone is not included in the list' });
      await answer.promise;
    });
    expect(screen.getByTestId('form-refusal')).toHaveTextContent(format(messages.operations.refused, { reason: 'Time zone is not included in the list' }));
    expect(field('appointment-title').value).toBe('Demo');
  });

  it('closes on Esc and on Cancel', async () => {
    await openCreateForm();
    fireEvent.keyDown(field('appointment-title'), { key: 'Escape' });
    expect(screen.queryByTestId('appointment-form')).toBeNull();
    await pastThrottle();
    await clickFwButton(screen.getByTestId('appointment-create'));
    await screen.findByTestId('appointment-form');
    await clickFwButton(screen.getByTestId('appointment-cancel'));
    expect(screen.queryByTestId('appointment-form')).toBeNull();
  });

  it('offers no new appointment where the CRM does not list them', () => {
    render(<AppointmentsSection data={dealData({ appointments: null })} actions={fakeActions()} now={NOW} />);
    expect(screen.queryByTestId('appointment-create')).toBeNull();
  });
});

describe('appointment items', () => {
  it('edits one in place, filled with its values and without attendees', async () => {
    const actions = fakeActions();
    render(<AppointmentsSection data={contactData()} actions={actions} now={NOW} />);
    const demo = screen.getAllByTestId('appointment-item').find((item) => item.textContent?.includes('Demo')) as HTMLElement;
    fireEvent.click(within(demo).getByRole('button', { name: format(text.editLabel, { title: 'Demo' }) }));
    const form = await within(demo).findByTestId('appointment-form');
    expect(form).toHaveAccessibleName(text.editForm);
    expect(field('appointment-title').value).toBe('Demo');
    expect(field('appointment-start').value).toBe(toLocalInput(new Date(APPOINTMENTS[1]?.from_date ?? '')));
    expect(screen.queryByTestId('appointment-attendee')).toBeNull();
    type('appointment-title', 'Demo v2');
    await clickAndSettle(screen.getByTestId('appointment-save'));
    expect(actions.records.updateAppointment).toHaveBeenCalledWith(APPOINTMENTS[1], expect.objectContaining({ title: 'Demo v2' }));
  });

  it('deletes one after confirming', async () => {
    const actions = fakeActions();
    render(<AppointmentsSection data={contactData()} actions={actions} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: format(text.deleteLabel, { title: 'Demo' }) }));
    expect(screen.getByRole('group', { name: format(text.deleteQuestion, { title: 'Demo' }) })).toBeInTheDocument();
    expect(actions.records.deleteAppointment).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getAllByTestId('appointment-delete-confirm')[0] as HTMLElement);
      await Promise.resolve();
    });
    expect(actions.records.deleteAppointment).toHaveBeenCalledWith(APPOINTMENTS[1]);
  });
});

describe('drafts', () => {
  it('gives an appointment without an end half an hour, and problems only for what is wrong', () => {
    const draft = appointmentDraft({ id: 1, title: 'Call', from_date: '2027-01-17T09:30:00+01:00', end_date: null });
    expect(parseLocalInput(draft.end)?.getTime()).toBe(new Date('2027-01-17T10:00:00+01:00').getTime());
    expect(appointmentProblems(draft)).toEqual({});
    expect(appointmentProblems({ ...draft, title: 'x'.repeat(256) })).toEqual({ title: format(text.titleTooLong, { max: 255 }) });
    expect(newAppointmentDraft(dealData(), NOW).attendeeIds).toEqual([]);
  });
});
