import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ClientEventHandler, ClientEventName } from '../../../common/platform/client';
import { messages } from '../i18n/messages';
import type { Host } from '../platform/host';
import { contactData, dealData } from '../test/section-fixtures';
import { formatIsolated, Isolate, NameParts } from './Isolate';
import { fromOpenPopup } from './keyboard';
import { ActionLink, mailtoHref, telHref, websiteHref } from './links';
import { SidebarHeader, SkipToSections } from './SidebarHeader';

const RLO = '\u202E';

describe('bidi isolation (B12)', () => {
  it('puts record text in its own isolate', () => {
    render(
      <p data-testid="line">
        <Isolate>{`${RLO}evil`}</Isolate> after
      </p>,
    );
    expect(screen.getByTestId('line').querySelector('bdi')).toHaveTextContent(`${RLO}evil`);
  });

  it('formats a template with each value isolated and the template text around them', () => {
    render(<p data-testid="line">{formatIsolated('{author} · {date} · {unknown}', { author: `${RLO}Asha`, date: 'May 2' })}</p>);
    const line = screen.getByTestId('line');
    expect(line).toHaveTextContent(`${RLO}Asha · May 2 · {unknown}`);
    expect(Array.from(line.querySelectorAll('bdi')).map((element) => element.textContent)).toEqual([`${RLO}Asha`, 'May 2']);
  });

  it('isolates each part of a name, and falls back to one isolate without parts', () => {
    const { rerender } = render(
      <p data-testid="name">
        <NameParts parts={[`${RLO}Priya`, null, 'Nair']} fallback="x" />
      </p>,
    );
    expect(screen.getByTestId('name')).toHaveTextContent(`${RLO}Priya Nair`);
    expect(screen.getByTestId('name').querySelectorAll('bdi')).toHaveLength(2);
    rerender(
      <p data-testid="name">
        <NameParts parts={['', undefined]} fallback="priya@acme.example" />
      </p>,
    );
    expect(screen.getByTestId('name').querySelector('bdi')).toHaveTextContent('priya@acme.example');
  });
});

describe('click to act', () => {
  it.each([
    ['priya@acme.example', 'mailto:priya@acme.example'],
    [' a.b+c@x.example ', 'mailto:a.b+c@x.example'],
    ['not an email', undefined],
    ['a@b.example?cc=boss@x.example', undefined],
  ])('mailtoHref(%j) is %j', (email, href) => expect(mailtoHref(email)).toBe(href));

  it.each([
    ['+1 (415) 555-0100', 'tel:+14155550100'],
    ['020 7946 0958', 'tel:02079460958'],
    ['<b>555</b>', undefined],
    ['12', undefined],
    ['call me', undefined],
  ])('telHref(%j) is %j', (phone, href) => expect(telHref(phone)).toBe(href));

  it.each([
    ['acme.example', 'https://acme.example'],
    ['http://acme.example/x', 'http://acme.example/x'],
    ['javascript:alert(1)', undefined],
    ['ftp://acme.example', undefined],
    ['acme example', undefined],
  ])('websiteHref(%j) is %j', (website, href) => expect(websiteHref(website)).toBe(href));

  it('links websites in a new tab without opener or referrer, and mail and phone in place', () => {
    render(
      <>
        <ActionLink kind="url" text="acme.example" />
        <ActionLink kind="email" text="priya@acme.example" />
        <ActionLink kind="phone" text="+1 415 555 0100" />
        <ActionLink kind="url" text="javascript:alert(1)" />
      </>,
    );
    const [site, mail, phone] = screen.getAllByRole('link');
    expect(site).toHaveAttribute('target', '_blank');
    expect(site).toHaveAttribute('rel', 'noopener noreferrer');
    expect(mail).toHaveAttribute('href', 'mailto:priya@acme.example');
    expect(mail).not.toHaveAttribute('target');
    expect(phone).toHaveAttribute('href', 'tel:+14155550100');
    expect(screen.getAllByRole('link')).toHaveLength(3);
    expect(screen.getByText('javascript:alert(1)').tagName).toBe('BDI');
  });
});

describe('keyboard helpers', () => {
  it('knows when a key comes from a Crayons control whose popover is open', () => {
    const control = document.createElement('fw-fake');
    const root = control.attachShadow({ mode: 'open' });
    const popover = document.createElement('fw-popover');
    const content = document.createElement('div');
    popover.attachShadow({ mode: 'open' }).appendChild(content);
    const input = document.createElement('input');
    root.append(popover, input);
    document.body.appendChild(control);
    const pressed = (): boolean => {
      let open = false;
      input.addEventListener('keydown', (event) => (open = fromOpenPopup({ nativeEvent: event })), { once: true });
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      return open;
    };
    expect(pressed()).toBe(false);
    content.setAttribute('data-show', '');
    expect(pressed()).toBe(true);
    control.remove();
  });
});

function fakeHost() {
  const handlers = new Map<ClientEventName, ClientEventHandler>();
  const host = {
    on: (event: ClientEventName, handler: ClientEventHandler) => {
      handlers.set(event, handler);
      return () => handlers.delete(event);
    },
  } as unknown as Host;
  return { host, fire: (event: ClientEventName) => handlers.get(event)?.({} as never), handlers };
}

describe('SidebarHeader (B11, B12)', () => {
  it('moves focus to the title when the drawer opens, and again each time it is opened', () => {
    const { host, fire, handlers } = fakeHost();
    const { unmount } = render(
      <>
        <SidebarHeader entity="deal" data={undefined} host={host} />
        <button type="button">elsewhere</button>
      </>,
    );
    const title = screen.getByRole('heading', { level: 1, name: messages.appTitle });
    expect(title).toHaveFocus();
    screen.getByRole('button', { name: 'elsewhere' }).focus();
    act(() => fire('app.activated'));
    expect(title).toHaveFocus();
    unmount();
    expect(handlers.size).toBe(0);
  });

  it('names the record with its text isolated, a contact name part by part', () => {
    const { host } = fakeHost();
    const data = contactData();
    const { rerender } = render(<SidebarHeader entity="contact" data={{ ...data, record: { ...data.record, first_name: `${RLO}Priya`, display_name: `${RLO}Priya Nair` } }} host={host} />);
    const title = screen.getByRole('heading', { level: 1 });
    expect(Array.from(title.querySelectorAll('bdi')).map((element) => element.textContent)).toEqual([`${RLO}Priya`, 'Nair']);
    rerender(<SidebarHeader entity="deal" data={dealData()} host={host} />);
    expect(screen.getByRole('heading', { level: 1 }).querySelector('bdi')).toHaveTextContent('Acme renewal');
    expect(screen.getByText(messages.entityLabel.deal)).toBeInTheDocument();
  });
});

it('"Skip to sections" moves focus past the summary to the first related section', () => {
  render(
    <div className="sidebar">
      <SkipToSections />
      <section className="section summary-section" data-testid="summary">
        <button type="button">Edit name</button>
      </section>
      <section className="section related-section" tabIndex={-1} data-testid="first" />
      <section className="section related-section" tabIndex={-1} data-testid="second" />
    </div>,
  );
  const link = screen.getByRole('link', { name: messages.sections.skipToSections });
  fireEvent.click(link);
  expect(screen.getByTestId('first')).toHaveFocus();
});
