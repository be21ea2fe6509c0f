import { FwSkeleton } from '@freshworks/crayons/react/FwSkeleton';
import { lazy, Suspense } from 'react';
import type { FieldEditorProps } from './FieldEditor';
import { loadPhoneNumbers } from './phone';

// The editors bring Crayons' inputs, selects and date picker: most of the sidebar's JavaScript.
// Nobody needs them until they edit or create something, so they load then, not at open.
// The phone-number library comes with them: phone fields are validated with it (phone.ts).
const Editor = lazy(async () => {
  const [editor] = await Promise.all([import('./FieldEditor'), loadPhoneNumbers()]);
  return { default: editor.FieldEditor };
});

export function LazyFieldEditor(props: FieldEditorProps) {
  return (
    <Suspense fallback={<FwSkeleton height="32px" />}>
      <Editor {...props} />
    </Suspense>
  );
}
