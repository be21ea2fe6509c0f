import { act, render, screen, waitFor } from '@testing-library/react';
import type { CrmFailure, CrmFailureKind } from '../../../common/crm/failure';
import { messages } from '../i18n/messages';
import { clickFwButton, shadowButton } from '../test/crayons';
import { FailureNotice } from './FailureNotice';

function failure(kind: CrmFailureKind, crmMessages: string[] = []): CrmFailure {
  return { kind, messages: crmMessages, detail: `detail for ${kind}` };
}

/** The text of the Crayons inline message (its content stays in the light DOM, in a slot). */
function noticeText(container: HTMLElement): string {
  const inline = container.querySelector('fw-inline-message');
  if (inline === null) throw new Error('no fw-inline-message rendered');
  return inline.textContent ?? '';
}

const kinds = Object.keys(messages.failure) as CrmFailureKind[];

describe('FailureNotice', () => {
  it.each(kinds)('says what %s means to the user, in a Crayons error message', (kind) => {
    const { container } = render(<FailureNotice failure={failure(kind)} onRetry={() => undefined} />);
    expect(noticeText(container)).toBe(messages.failure[kind]);
    expect(container.querySelector('fw-inline-message')).toHaveAttribute('type', 'error');
  });

  it('appends the CRM messages of an invalid request', () => {
    const { container } = render(
      <FailureNotice failure={failure('invalid', ['Email is invalid.', 'Name is required.'])} onRetry={() => undefined} />,
    );
    expect(noticeText(container)).toBe(`${messages.failure.invalid} Email is invalid. Name is required.`);
    // Record text quoted by the CRM stays in its own direction.
    expect(container.querySelector('fw-inline-message bdi')).toHaveTextContent('Email is invalid. Name is required.');
  });

  it('adds nothing after an invalid request without CRM messages', () => {
    const { container } = render(<FailureNotice failure={failure('invalid')} onRetry={() => undefined} />);
    expect(noticeText(container)).toBe(messages.failure.invalid);
  });

  it.each(['forbidden', 'rate_limited', 'server_error'] as const)('never shows CRM messages for %s', (kind) => {
    const { container } = render(<FailureNotice failure={failure(kind, ['internal detail'])} onRetry={() => undefined} />);
    expect(noticeText(container)).toBe(messages.failure[kind]);
    expect(screen.queryByText(/internal detail/)).toBeNull();
  });

  it('renders CRM text as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(<FailureNotice failure={failure('invalid', [hostile])} onRetry={() => undefined} />);
    expect(noticeText(container)).toBe(`${messages.failure.invalid} ${hostile}`);
    expect(container.querySelector('img')).toBeNull();
    // Nor inside the component once Crayons has rendered its shadow DOM.
    const inline = container.querySelector('fw-inline-message');
    await waitFor(() => expect(inline?.shadowRoot?.querySelector('.alert')).not.toBeNull());
    expect(inline?.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('is announced once: one alert, from the Crayons inline message', async () => {
    render(<FailureNotice failure={failure('timeout')} onRetry={() => undefined} />);
    const alert = await screen.findByRole('alert');
    expect(alert.tagName).toBe('FW-INLINE-MESSAGE');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('offers a retry button that calls onRetry when the user clicks it', async () => {
    const onRetry = jest.fn();
    render(<FailureNotice failure={failure('server_error')} onRetry={onRetry} />);
    const button = screen.getByText(messages.actions.retry);
    expect(button.tagName).toBe('FW-BUTTON');
    expect(button).toHaveAttribute('color', 'secondary');

    await clickFwButton(button);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('calls onRetry on the fwClick event itself, which is how the wrapper delivers onFwClick', () => {
    const onRetry = jest.fn();
    render(<FailureNotice failure={failure('server_error')} onRetry={onRetry} />);
    act(() => {
      screen.getByText(messages.actions.retry).dispatchEvent(new CustomEvent('fwClick', { bubbles: true, composed: true }));
    });
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('does not retry on a click on the fw-button host element alone', async () => {
    // fw-button emits fwClick from its inner <button>; the host element's own click only guards
    // the disabled state. This pins down why tests click the shadow button.
    const onRetry = jest.fn();
    render(<FailureNotice failure={failure('server_error')} onRetry={onRetry} />);
    const button = screen.getByText(messages.actions.retry);
    await shadowButton(button);
    act(() => button.click());
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('calls the newest onRetry after a re-render', async () => {
    const first = jest.fn();
    const second = jest.fn();
    const { rerender } = render(<FailureNotice failure={failure('timeout')} onRetry={first} />);
    rerender(<FailureNotice failure={failure('timeout')} onRetry={second} />);
    await clickFwButton(screen.getByText(messages.actions.retry));
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });
});
