import { useEffect, useId, useState } from 'react';
import type { CrmFailure } from '../../../common/crm/failure';
import { Isolate } from '../components/Isolate';
import type { ContactHit, SidebarActions } from '../data/types';
import { format, messages } from '../i18n/messages';

const text = messages.sections.contacts;
export const SEARCH_DELAY_MS = 300;
export const SEARCH_MIN = 2;

/** The answer to one query; a query typed since then has no answer yet. */
type Answer = { query: string } & ({ status: 'done'; hits: ContactHit[] } | { status: 'failed'; failure: CrmFailure });

type SearchState = { status: 'idle' } | { status: 'searching' } | Answer;

interface Props {
  actions: SidebarActions;
  /** Contacts already on the deal: left out of the results. */
  linkedIds: readonly number[];
}

/** Runs the search `SEARCH_DELAY_MS` after the last keystroke; answers to older queries are dropped. */
function useContactSearch(query: string, actions: SidebarActions): SearchState {
  const [answer, setAnswer] = useState<Answer>();
  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed.length < SEARCH_MIN) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      void actions.searchContacts(trimmed).then((result) => {
        if (!live) return;
        setAnswer(result.ok ? { query: trimmed, status: 'done', hits: result.value } : { query: trimmed, status: 'failed', failure: result.failure });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [trimmed, actions]);
  if (trimmed.length < SEARCH_MIN) return { status: 'idle' };
  return answer?.query === trimmed ? answer : { status: 'searching' };
}

function SearchStatus({ state, shown }: { state: SearchState; shown: number }) {
  if (state.status === 'searching') return <p className="muted">{text.searching}</p>;
  if (state.status === 'failed') {
    return (
      <p className="form-error" role="alert" data-testid="contact-search-error">
        {format(text.searchFailed, { reason: messages.failure[state.failure.kind] })}
      </p>
    );
  }
  if (state.status === 'done' && shown === 0) {
    return (
      <p className="muted" data-testid="contact-search-empty">
        {format(state.hits.length === 0 ? text.noHits : text.noNewHits, { query: state.query })}
      </p>
    );
  }
  return null;
}

/** "Add contact": find an existing contact by name or email and link it to the deal. */
export function ContactSearch({ actions, linkedIds }: Props) {
  const inputId = useId();
  const [query, setQuery] = useState('');
  const state = useContactSearch(query, actions);
  const hits = state.status === 'done' ? state.hits.filter((hit) => !linkedIds.includes(hit.id)) : [];
  const choose = (hit: ContactHit) => {
    setQuery('');
    void actions.addContact(hit);
  };
  return (
    <div className="contact-search">
      <label htmlFor={inputId} className="search-label">
        {text.searchLabel}
      </label>
      <input
        id={inputId}
        type="search"
        className="note-input"
        data-testid="contact-search"
        placeholder={text.searchPlaceholder}
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {query.trim().length > 0 && query.trim().length < SEARCH_MIN ? <p className="muted">{format(text.searchHint, { min: SEARCH_MIN })}</p> : null}
      <SearchStatus state={state} shown={hits.length} />
      {hits.length > 0 ? (
        <ul className="hit-list" aria-label={text.searchLabel}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="hit-button" data-testid="contact-hit" aria-label={format(text.add, { name: hit.name })} onClick={() => choose(hit)}>
                <Isolate>{hit.name}</Isolate>
                {hit.email ? (
                  <span className="muted">
                    {' · '}
                    <Isolate>{hit.email}</Isolate>
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
