import type { Written } from '../data/operation-writer';
import { messages } from '../i18n/messages';
import { ConfirmButton } from './ConfirmButton';

interface ItemActionsProps {
  /** Test id prefix: `note` gives `note-edit` and `note-delete`. */
  testId: string;
  editLabel: string;
  deleteLabel: string;
  deleteQuestion: string;
  onEdit: () => void;
  onDelete: () => Promise<Written>;
}

/** Edit and (confirmed) Delete for one item of a related list. */
export function ItemActions({ testId, editLabel, deleteLabel, deleteQuestion, onEdit, onDelete }: ItemActionsProps) {
  return (
    <div className="item-actions">
      <button type="button" className="icon-button" data-testid={`${testId}-edit`} aria-label={editLabel} onClick={onEdit}>
        {messages.operations.edit}
      </button>
      <ConfirmButton label={deleteLabel} question={deleteQuestion} testId={`${testId}-delete`} onConfirm={onDelete} />
    </div>
  );
}
