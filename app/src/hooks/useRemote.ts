import { useCallback, useEffect, useRef, useState } from 'react';
import { classifyRejection, type CrmFailure } from '../../../common/crm/failure';
import { fail, type Result } from '../../../common/validation';

/** Every async view is one of these; `empty` is for loads that succeed with nothing to show. */
export type RemoteState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'empty' }
  | { status: 'error'; failure: CrmFailure };

export interface Remote<T> {
  state: RemoteState<T>;
  reload: () => void;
}

/**
 * Runs `load` on mount and on `reload()`. Only the newest load may change the state, so a
 * slow answer that arrives after a newer request started is dropped.
 */
export function useRemote<T>(
  load: () => Promise<Result<T, CrmFailure>>,
  isEmpty: (value: T) => boolean = () => false,
): Remote<T> {
  const [state, setState] = useState<RemoteState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  const isEmptyRef = useRef(isEmpty);
  useEffect(() => {
    loadRef.current = load;
    isEmptyRef.current = isEmpty;
  });

  // Settles one load; only the newest ticket may change the state. A load that throws becomes
  // an error state instead of an endless `loading` and an unhandled rejection.
  const settle = useCallback(async (ticket: number) => {
    let result: Result<T, CrmFailure>;
    try {
      result = await loadRef.current();
    } catch (error) {
      result = fail(classifyRejection(error));
    }
    if (ticket !== latest.current) return;
    if (!result.ok) setState({ status: 'error', failure: result.failure });
    else if (isEmptyRef.current(result.value)) setState({ status: 'empty' });
    else setState({ status: 'ready', value: result.value });
  }, []);

  useEffect(() => {
    // The state starts as `loading`, so the first load needs no synchronous setState here.
    void settle(++latest.current);
    // A load still in flight when the view goes away must not set state.
    return () => {
      latest.current += 1;
    };
  }, [settle]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    void settle(++latest.current);
  }, [settle]);

  return { state, reload };
}
