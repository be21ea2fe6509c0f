import { FwSkeleton } from '@freshworks/crayons/react/FwSkeleton';
import { lazy, Suspense } from 'react';
import type { FieldEditorProps } from './FieldEditor';

// The editors bring Crayons' inputs, selects and date picker: most of the sidebar's JavaScript.
// Nobody needs them until they edit or create something, so they load then, not at open.
const Editor = lazy(async () => ({ default: (await import('./FieldEditor')).FieldEditor }));

export function LazyFieldEditor(props: FieldEditorProps) {
  return (
    <Suspense fallback={<FwSkeleton height="32px" />}>
      <Editor {...props} />
    </Suspense>
  );
}
