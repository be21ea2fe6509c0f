import { FwButton } from '@freshworks/crayons/react/FwButton';
import { FwInlineMessage } from '@freshworks/crayons/react/FwInlineMessage';
import type { CrmFailure } from '../../../common/crm/failure';
import { messages } from '../i18n/messages';
import { Isolate } from './Isolate';

interface Props {
  failure: CrmFailure;
  onRetry: () => void;
}

/** What went wrong, in the user's terms, with a way to try again. */
export function FailureNotice({ failure, onRetry }: Props) {
  const crmSays = failure.kind === 'invalid' ? failure.messages.join(' ') : '';
  return (
    // No role here: fw-inline-message is itself role="alert"; nesting two would announce twice.
    <div className="failure">
      <FwInlineMessage open type="error" closable={false}>
        {messages.failure[failure.kind]}
        {/* Freshsales' words may quote record text: isolated, so they cannot turn the line around. */}
        {crmSays ? (
          <>
            {' '}
            <Isolate>{crmSays}</Isolate>
          </>
        ) : null}
      </FwInlineMessage>
      <FwButton color="secondary" size="small" onFwClick={onRetry}>
        {messages.actions.retry}
      </FwButton>
    </div>
  );
}
