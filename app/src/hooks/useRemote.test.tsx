import { act, renderHook, waitFor } from '@testing-library/react';
import type { CrmFailure } from '../../../common/crm/failure';
import { fail, ok, type Result } from '../../../common/validation';
import { settleInAct } from '../test/crayons';
import { deferred, type Deferred } from '../test/fake-client';
import { useRemote } from './useRemote';

type Load = Result<string[], CrmFailure>;


const notFound: CrmFailure = { kind: 'not_found', status: 404, messages: [], detail: 'HTTP 404 from Freshsales' };

describe('useRemote', () => {
  it('starts loading, then shows the value', async () => {
    const answer = deferred<Load>();
    const load = jest.fn(() => answer.promise);
    const { result } = renderHook(() => useRemote(load));
    expect(result.current.state).toEqual({ status: 'loading' });
    expect(load).toHaveBeenCalledTimes(1);

    await settleInAct(() => answer.resolve(ok(['a', 'b'])));
    expect(result.current.state).toEqual({ status: 'ready', value: ['a', 'b'] });
  });

  it('is empty when isEmpty says so', async () => {
    const isEmpty = jest.fn((value: string[]) => value.length === 0);
    const { result } = renderHook(() => useRemote(() => Promise.resolve(ok<string[]>([])), isEmpty));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'empty' }));
    expect(isEmpty).toHaveBeenCalledWith([]);
  });

  it('is ready, not empty, when isEmpty says no', async () => {
    const { result } = renderHook(() => useRemote(() => Promise.resolve(ok(['x'])), (value) => value.length === 0));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', value: ['x'] }));
  });

  it('shows the failure of a failed load', async () => {
    const { result } = renderHook(() => useRemote(() => Promise.resolve(fail(notFound))));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'error', failure: notFound }));
  });

  it('turns a load that throws into an error instead of loading forever', async () => {
    const { result } = renderHook(() => useRemote<string[]>(() => Promise.reject(new Error('socket hang up'))));
    await waitFor(() => expect(result.current.state.status).toBe('error'));
    expect(result.current.state).toEqual({
      status: 'error',
      failure: { kind: 'unreachable', messages: [], detail: 'socket hang up' },
    });
  });

  it('reloads: back to loading, then the new answer', async () => {
    const answers = [deferred<Load>(), deferred<Load>()];
    let call = 0;
    const load = jest.fn(() => (answers[call++] as Deferred<Load>).promise);
    const { result } = renderHook(() => useRemote(load));
    await settleInAct(() => answers[0]?.resolve(fail(notFound)));
    expect(result.current.state.status).toBe('error');

    act(() => result.current.reload());
    expect(result.current.state).toEqual({ status: 'loading' });
    expect(load).toHaveBeenCalledTimes(2);

    await settleInAct(() => answers[1]?.resolve(ok(['again'])));
    expect(result.current.state).toEqual({ status: 'ready', value: ['again'] });
  });

  it('drops a stale answer that arrives after a newer load finished', async () => {
    const slowA = deferred<Load>();
    const fastB = deferred<Load>();
    const queue = [slowA, fastB];
    const { result } = renderHook(() => useRemote(() => (queue.shift() as Deferred<Load>).promise));

    act(() => result.current.reload());
    await settleInAct(() => fastB.resolve(ok(['B'])));
    expect(result.current.state).toEqual({ status: 'ready', value: ['B'] });

    await settleInAct(() => slowA.resolve(ok(['A'])));
    expect(result.current.state).toEqual({ status: 'ready', value: ['B'] });
  });

  it('drops a stale failure too, and a stale answer that arrives before the newer one', async () => {
    const slowA = deferred<Load>();
    const slowB = deferred<Load>();
    const queue = [slowA, slowB];
    const { result } = renderHook(() => useRemote(() => (queue.shift() as Deferred<Load>).promise));

    act(() => result.current.reload());
    await settleInAct(() => slowA.resolve(fail(notFound)));
    expect(result.current.state).toEqual({ status: 'loading' });

    await settleInAct(() => slowB.resolve(ok(['B'])));
    expect(result.current.state).toEqual({ status: 'ready', value: ['B'] });
  });

  it('uses the newest load function on reload', async () => {
    const first = jest.fn(() => Promise.resolve(ok(['first'])));
    const second = jest.fn(() => Promise.resolve(ok(['second'])));
    const { result, rerender } = renderHook(({ load }) => useRemote(load), { initialProps: { load: first } });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', value: ['first'] }));

    rerender({ load: second });
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', value: ['second'] }));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('keeps reload stable across renders', async () => {
    const { result, rerender } = renderHook(() => useRemote(() => Promise.resolve(ok(['x']))));
    const firstReload = result.current.reload;
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    rerender();
    expect(result.current.reload).toBe(firstReload);
  });

  it('sets no state and warns nothing when unmounted while a load is in flight', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const answer = deferred<Load>();
      const isEmpty = jest.fn(() => false);
      const { result, unmount } = renderHook(() => useRemote(() => answer.promise, isEmpty));
      unmount();
      await settleInAct(() => answer.resolve(ok(['late'])));

      expect(result.current.state).toEqual({ status: 'loading' });
      // The ticket check comes first: a dropped answer is not even looked at.
      expect(isEmpty).not.toHaveBeenCalled();
      expect(errors).not.toHaveBeenCalled();
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });

  it('drops a rejection that arrives after unmount', async () => {
    const answer = deferred<Load>();
    const { result, unmount } = renderHook(() => useRemote(() => answer.promise));
    unmount();
    await settleInAct(() => answer.reject(new Error('late failure')));
    expect(result.current.state).toEqual({ status: 'loading' });
  });
});
