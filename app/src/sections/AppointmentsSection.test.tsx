import { render, screen } from '@testing-library/react';
import { formatDate } from '../fields/display';
import { format, messages } from '../i18n/messages';
import { AppointmentsSection, appointmentWhen } from './AppointmentsSection';
import { APPOINTMENTS, NOW, contactData, dealData, fakeActions } from '../test/section-fixtures';

describe('AppointmentsSection', () => {
  it('lists upcoming appointments soonest first, with when and where', () => {
    render(<AppointmentsSection data={contactData()} actions={fakeActions()} now={NOW} />);
    expect(screen.getByTestId('section-count')).toHaveTextContent('2');
    const items = screen.getAllByTestId('appointment-item');
    expect(items.map((item) => item.querySelector('.item-title')?.textContent)).toEqual(['Site visit', 'Demo']);
    expect(items[0]).toHaveTextContent('Acme HQ, Pune');
    expect(items[0]).toHaveTextContent(appointmentWhen(APPOINTMENTS[2] as never));
    expect(items[1]).toHaveTextContent('Zoom');
  });

  it('says there is nothing upcoming', () => {
    render(<AppointmentsSection data={contactData({ appointments: [APPOINTMENTS[0] as never] })} actions={fakeActions()} now={NOW} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(messages.sections.appointments.empty);
  });

  it('says when Freshsales does not list appointments for the record', () => {
    render(<AppointmentsSection data={dealData({ appointments: null })} actions={fakeActions()} now={NOW} />);
    expect(screen.getByTestId('section-unavailable')).toHaveTextContent('Freshsales does not list appointments for deals in this account.');
    expect(screen.queryByTestId('section-count')).toBeNull();
  });

  it('uses the clock when no time is given', () => {
    render(<AppointmentsSection data={contactData({ appointments: [{ id: 1, title: 'Far future', from_date: '2999-01-01T10:00:00Z' }] })} actions={fakeActions()} />);
    expect(screen.getAllByTestId('appointment-item')).toHaveLength(1);
  });

  it('renders titles that look like HTML as text', () => {
    render(<AppointmentsSection data={contactData({ appointments: [{ id: 1, title: '<b>x</b>', from_date: '2999-01-01T10:00:00Z' }] })} actions={fakeActions()} now={NOW} />);
    expect(screen.getByText('<b>x</b>')).toBeInTheDocument();
    expect(screen.getByTestId('section-appointments').querySelector('b')).toBeNull();
  });
});

describe('appointmentWhen', () => {
  const from = new Date(2024, 4, 12, 10, 0).toISOString();
  const to = new Date(2024, 4, 12, 10, 30).toISOString();
  const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

  it('gives the date and the time range', () => {
    expect(appointmentWhen({ id: 1, title: 'Demo', from_date: from, end_date: to })).toBe(
      format(messages.sections.appointments.range, { date: formatDate(from), from: time(from), to: time(to) }),
    );
  });

  it('gives the start alone without an end', () => {
    expect(appointmentWhen({ id: 1, title: 'Demo', from_date: from, end_date: null })).toBe(
      format(messages.sections.appointments.from, { date: formatDate(from), from: time(from) }),
    );
  });

  it('gives the day alone for all-day appointments', () => {
    expect(appointmentWhen({ id: 1, title: 'Demo', from_date: from, end_date: to, is_allday: true })).toBe(
      format(messages.sections.appointments.allDay, { date: formatDate(from) }),
    );
  });
});
