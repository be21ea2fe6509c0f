import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Written } from '../data/operation-writer';
import { deferred } from '../test/fake-client';
import { format, messages } from '../i18n/messages';
import { ConfirmButton } from './ConfirmButton';

const text = messages.operations;

function renderButton(onConfirm: () => Promise<Written>) {
  render(<ConfirmButton label="Delete Demo" question="Delete “Demo”?" testId="thing-delete" onConfirm={onConfirm} />);
}

describe('ConfirmButton', () => {
  it('asks first, with the safe answer focused; Keep changes nothing and gives focus back', () => {
    const onConfirm = jest.fn(() => Promise.resolve<Written>({ status: 'saved', value: null }));
    renderButton(onConfirm);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Demo' }));
    expect(screen.getByRole('group', { name: 'Delete “Demo”?' })).toBeInTheDocument();
    expect(screen.getByTestId('thing-delete-keep')).toHaveFocus();
    fireEvent.click(screen.getByTestId('thing-delete-keep'));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Delete Demo' })).toHaveFocus();
  });

  it('Esc keeps too', () => {
    const onConfirm = jest.fn(() => Promise.resolve<Written>({ status: 'saved', value: null }));
    renderButton(onConfirm);
    fireEvent.click(screen.getByTestId('thing-delete'));
    fireEvent.keyDown(screen.getByTestId('thing-delete-keep'), { key: 'Escape' });
    expect(screen.queryByTestId('thing-delete-confirm')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('deletes on confirmation, disabled while it runs, and says why when the CRM refuses', async () => {
    const answer = deferred<Written>();
    const onConfirm = jest.fn(() => answer.promise);
    renderButton(onConfirm);
    fireEvent.click(screen.getByTestId('thing-delete'));
    fireEvent.click(screen.getByTestId('thing-delete-confirm'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('thing-delete-confirm')).toBeDisabled();
    await act(async () => {
      answer.resolve({ status: 'refused', reason: 'your role does not allow it.' });
      await answer.promise;
    });
    expect(screen.getByRole('alert')).toHaveTextContent(format(text.deleteFailed, { reason: 'your role does not allow it.' }));
    expect(screen.getByTestId('thing-delete')).toBeInTheDocument();
  });
});
