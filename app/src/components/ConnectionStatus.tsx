import { FwSkeleton } from '@freshworks/crayons/react/FwSkeleton';
import { fail, ok } from '../../../common/validation';
import { useRemote } from '../hooks/useRemote';
import { format, messages } from '../i18n/messages';
import type { Host } from '../platform/host';
import { FailureNotice } from './FailureNotice';

interface Connection {
  domain: string;
  userCount: number;
}

async function checkConnection(host: Host) {
  const [domain, owners] = await Promise.all([host.domain(), host.call('listOwners', {})]);
  if (!owners.ok) return fail(owners.failure);
  return ok<Connection>({ domain: domain ?? 'Freshsales', userCount: owners.value.users.length });
}

/** One cheap authenticated call tells whether the installed domain and key still work. */
export function ConnectionStatus({ host }: { host: Host }) {
  const { state, reload } = useRemote(() => checkConnection(host));
  return (
    <section className="section" aria-labelledby="connection-heading" aria-busy={state.status === 'loading'}>
      <h2 id="connection-heading" className="section-title">
        {messages.connection.heading}
      </h2>
      {state.status === 'loading' ? (
        <div aria-label={messages.connection.checking}>
          <FwSkeleton count={2} height="12px" />
        </div>
      ) : null}
      {state.status === 'error' ? <FailureNotice failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <p className="connection-ok">
          <span>{format(messages.connection.connected, { domain: state.value.domain })}</span>
          <br />
          <span className="muted">
            {state.value.userCount === 1
              ? messages.connection.oneUser
              : format(messages.connection.users, { count: state.value.userCount })}
          </span>
        </p>
      ) : null}
    </section>
  );
}
