import { Fragment, type ReactNode } from 'react';

/**
 * Record text (names, titles, values) is typed by anyone: an unclosed right-to-left override
 * in a name would reverse everything after it on the line. Each piece goes into its own
 * bidirectional isolate, so its direction ends where the piece ends.
 */
export function Isolate({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}

/**
 * A catalog template (`'{author} · {date}'`) with each value in its own isolate; unknown
 * placeholders stay visible, as in `format`.
 */
export function formatIsolated(template: string, values: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/(\{\w+\})/);
  return (
    <>
      {parts.map((part, index) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        const value = name === undefined ? undefined : values[name];
        return value === undefined ? <Fragment key={index}>{part}</Fragment> : <bdi key={index}>{value}</bdi>;
      })}
    </>
  );
}

/** A person's name from its parts, each part isolated: an override in the first name stops before the last. */
export function NameParts({ parts, fallback }: { parts: ReadonlyArray<string | null | undefined>; fallback: string }) {
  const present = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  if (present.length === 0) return <bdi>{fallback}</bdi>;
  return (
    <>
      {present.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? ' ' : null}
          <bdi>{part}</bdi>
        </Fragment>
      ))}
    </>
  );
}
