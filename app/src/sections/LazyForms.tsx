import { lazy, Suspense, type ReactNode } from 'react';
import { messages } from '../i18n/messages';
import type { ActivityFormProps } from './ActivityForm';
import type { AppointmentFormProps } from './AppointmentForm';
import type { ConvertLeadProps } from './ConvertLead';
import type { NoteEditorProps } from './NoteEditor';

// The record-operation forms load when someone opens one, never with the sidebar: the opening
// JavaScript stays within its budget and the first render is not slowed (like LazyFieldEditor).
const AppointmentForm = lazy(() => import('./AppointmentForm'));
const ActivityForm = lazy(() => import('./ActivityForm'));
const NoteEditor = lazy(() => import('./NoteEditor'));
const ConvertLead = lazy(() => import('./ConvertLead'));

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="muted" role="status" data-testid="form-loading">
          {messages.operations.loadingForm}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

export function LazyAppointmentForm(props: AppointmentFormProps) {
  return (
    <Loading>
      <AppointmentForm {...props} />
    </Loading>
  );
}

export function LazyActivityForm(props: ActivityFormProps) {
  return (
    <Loading>
      <ActivityForm {...props} />
    </Loading>
  );
}

export function LazyNoteEditor(props: NoteEditorProps) {
  return (
    <Loading>
      <NoteEditor {...props} />
    </Loading>
  );
}

export function LazyConvertLead(props: ConvertLeadProps) {
  return (
    <Loading>
      <ConvertLead {...props} />
    </Loading>
  );
}
