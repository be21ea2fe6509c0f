import type { DealEventData } from '../../../common/product-events/records';
import { closedAs, forecastOf, stageMove, type StageMove } from './deal-stage';

const DEAL_ID = 402000401001;
const OPEN = 402000010201;
const NEGOTIATION = 402000010202;
const WON = 402000010205;
const LOST = 402000010206;
const OTHER_WON = 402000010207;
/** The account's stages as the app keeps them (CrmMetadata.stages): id → forecast type. */
const STAGES: Record<string, string> = {
  [OPEN]: 'Open',
  [NEGOTIATION]: 'Open',
  [WON]: 'Closed Won',
  [LOST]: 'Closed Lost',
  [OTHER_WON]: 'Closed Won',
};
const STAGE_NAMES: Record<string, string> = { [OPEN]: 'New', [NEGOTIATION]: 'Negotiation', [WON]: 'Won', [LOST]: 'Lost', [OTHER_WON]: 'Won (renewal)' };

const EVENT_AT = Date.parse('2026-03-04T10:20:35.250Z');
const STAGE_UPDATED = '2026-03-04T10:20:30Z';
const UPDATED = '2026-03-04T10:20:31Z';
const seconds = (iso: string): string => String(Date.parse(iso) / 1000);

interface Options {
  from?: unknown;
  to?: number;
  /** The stage the association reports; defaults to `to`. */
  associated?: number | null;
  forecast?: string | null;
  stageUpdated?: unknown;
  updated?: unknown;
  changes?: Record<string, [unknown, unknown]> | null;
}

function wrappedTime(label: string, value: unknown): Record<string, unknown> {
  return value === undefined ? {} : { [label]: { label, type: 'date_time', value } };
}

function dealRecord(to: number, options: Options): Record<string, unknown> {
  return {
    id: DEAL_ID,
    name: { label: 'Name', type: 'text', value: 'Acme renewal' },
    deal_stage_id: { label: 'Deal stage', type: 'dropdown', value: to },
    deal_pipeline_id: { label: 'Deal pipeline', type: 'dropdown', value: 402000000154 },
    ...wrappedTime('stage_updated_time', options.stageUpdated),
    ...wrappedTime('updated_at', options.updated),
  };
}

/** `associations.deal_stage`: the stage with its forecast type (§3.4), or null. */
function stageOf(associated: number | null, forecast: string | null | undefined): Record<string, unknown> | null {
  if (associated === null) return null;
  return { id: associated, name: STAGE_NAMES[associated] ?? 'Somewhere', position: 5, forecast_type: forecast === undefined ? (STAGES[associated] ?? 'Open') : forecast };
}

function changesOf(options: Options, from: unknown, to: number): Record<string, unknown> {
  if (options.changes === null) return {};
  return { changes: { model_changes: options.changes ?? { deal_stage_id: [from, to], updated_at: ['2026-03-01T08:00:00Z', UPDATED] }, system_changes: {}, misc_changes: {} } };
}

/** `data` of an onDealUpdate (platform.md §3.4) moving a deal from one stage to another. */
function dealUpdate(options: Options = {}): DealEventData {
  const to = options.to ?? WON;
  const from = 'from' in options ? options.from : OPEN;
  return {
    actor: { id: 402000000031, name: 'Ann Lee', type: 'user' },
    deal: dealRecord(to, options),
    associations: { deal_stage: stageOf(options.associated === undefined ? to : options.associated, options.forecast), deal_pipeline: { id: 402000000154, name: 'Default', position: 1, is_default: true } },
    ...changesOf(options, from, to),
  } as unknown as DealEventData;
}

describe('forecastOf', () => {
  it.each([
    ['Closed Won', 'won'],
    ['closed won', 'won'],
    ['  CLOSED WON ', 'won'],
    ['Won', 'won'],
    ['Closed Lost', 'lost'],
    ['lost', 'lost'],
    ['Open', 'open'],
    ['OPEN', 'open'],
  ])('reads %j as %s', (value, forecast) => {
    expect(forecastOf(value)).toBe(forecast);
  });

  it.each(['', 'Closed', 'Pending', 'Closed-Won', 'Won deal', null, undefined, 1, { forecast_type: 'Open' }])('does not read %p', (value) => {
    expect(forecastOf(value)).toBeUndefined();
  });
});

describe('stageMove', () => {
  it('reads a move from an open stage into a won one', () => {
    expect(stageMove(dealUpdate({ stageUpdated: STAGE_UPDATED, updated: UPDATED }), STAGES, EVENT_AT)).toEqual({
      dealId: DEAL_ID,
      from: OPEN,
      to: WON,
      fromForecast: 'open',
      toForecast: 'won',
      toName: 'Won',
      stamp: seconds(STAGE_UPDATED),
    });
  });

  it('reads a move into a lost stage', () => {
    const move = stageMove(dealUpdate({ from: NEGOTIATION, to: LOST }), STAGES, EVENT_AT);
    expect(move).toMatchObject({ from: NEGOTIATION, to: LOST, fromForecast: 'open', toForecast: 'lost', toName: 'Lost' });
  });

  it('reads a move between open stages', () => {
    const move = stageMove(dealUpdate({ from: OPEN, to: NEGOTIATION }), STAGES, EVENT_AT);
    expect(move).toMatchObject({ from: OPEN, to: NEGOTIATION, fromForecast: 'open', toForecast: 'open', toName: 'Negotiation' });
  });

  it('reads a move out of a won stage back into an open one', () => {
    const move = stageMove(dealUpdate({ from: WON, to: NEGOTIATION }), STAGES, EVENT_AT);
    expect(move).toMatchObject({ fromForecast: 'won', toForecast: 'open' });
  });

  it('counts an old stage the app does not know as open', () => {
    const move = stageMove(dealUpdate({ from: 402000099999, to: WON }), STAGES, EVENT_AT);
    expect(move).toMatchObject({ from: 402000099999, fromForecast: 'open', toForecast: 'won' });
  });

  it('counts every old stage as open when the app knows no stages yet', () => {
    expect(stageMove(dealUpdate({ from: WON, to: LOST }), {}, EVENT_AT)).toMatchObject({ fromForecast: 'open', toForecast: 'lost' });
  });

  it('reads a move from no stage (null) as from open', () => {
    expect(stageMove(dealUpdate({ from: null, to: WON }), STAGES, EVENT_AT)).toMatchObject({ from: null, fromForecast: 'open', toForecast: 'won' });
  });

  it('reads an old stage id that is not a number as unknown, hence open', () => {
    expect(stageMove(dealUpdate({ from: String(WON), to: LOST }), STAGES, EVENT_AT)).toMatchObject({ from: null, fromForecast: 'open' });
  });

  it('takes the new stage from a bare deal_stage_id too', () => {
    const data = dealUpdate({ to: WON });
    (data.deal as Record<string, unknown>).deal_stage_id = WON;
    expect(stageMove(data, STAGES, EVENT_AT)).toMatchObject({ to: WON, toForecast: 'won' });
  });

  it('keeps no name when the association has none', () => {
    const data = dealUpdate({ to: WON });
    (data.associations?.deal_stage as Record<string, unknown>).name = null;
    expect(stageMove(data, STAGES, EVENT_AT)?.toName).toBeNull();
  });

  describe('no move', () => {
    it('when the update has no changes', () => {
      expect(stageMove(dealUpdate({ changes: null }), STAGES, EVENT_AT)).toBeUndefined();
    });

    it('when the stage is not among the changes', () => {
      expect(stageMove(dealUpdate({ changes: { name: ['Acme', 'Acme renewal'], updated_at: ['2026-03-01T08:00:00Z', UPDATED] } }), STAGES, EVENT_AT)).toBeUndefined();
    });

    it('when the old and new stage are the same', () => {
      expect(stageMove(dealUpdate({ from: WON, to: WON }), STAGES, EVENT_AT)).toBeUndefined();
    });

    it('when the association names another stage than the record (a stale or mixed payload)', () => {
      expect(stageMove(dealUpdate({ from: OPEN, to: WON, associated: LOST }), STAGES, EVENT_AT)).toBeUndefined();
    });

    it('when the association is missing', () => {
      expect(stageMove(dealUpdate({ associated: null }), STAGES, EVENT_AT)).toBeUndefined();
      const data = dealUpdate();
      delete data.associations;
      expect(stageMove(data, STAGES, EVENT_AT)).toBeUndefined();
    });

    it('when the new stage has a forecast type the app cannot read', () => {
      expect(stageMove(dealUpdate({ forecast: 'Committed' }), STAGES, EVENT_AT)).toBeUndefined();
      expect(stageMove(dealUpdate({ forecast: null }), STAGES, EVENT_AT)).toBeUndefined();
    });

    it('when the record has no stage id', () => {
      const data = dealUpdate();
      delete (data.deal as Record<string, unknown>).deal_stage_id;
      expect(stageMove(data, STAGES, EVENT_AT)).toBeUndefined();
    });
  });

  describe('stamp', () => {
    it('comes from stage_updated_time, in whole seconds', () => {
      expect(stageMove(dealUpdate({ stageUpdated: '2026-03-04T10:20:30.999Z', updated: UPDATED }), STAGES, EVENT_AT)?.stamp).toBe(seconds('2026-03-04T10:20:30Z'));
    });

    it('falls back to updated_at without a stage time', () => {
      expect(stageMove(dealUpdate({ updated: UPDATED }), STAGES, EVENT_AT)?.stamp).toBe(seconds(UPDATED));
      expect(stageMove(dealUpdate({ stageUpdated: null, updated: UPDATED }), STAGES, EVENT_AT)?.stamp).toBe(seconds(UPDATED));
    });

    it('falls back to the event time without either', () => {
      expect(stageMove(dealUpdate(), STAGES, EVENT_AT)?.stamp).toBe(String(Math.floor(EVENT_AT / 1000)));
    });

    it.each([['unreadable text', 'yesterday'], ['a number', 1772619630]])('falls back to the record’s update time when the stage time is %s', (_case, value) => {
      expect(stageMove(dealUpdate({ stageUpdated: value, updated: UPDATED }), STAGES, EVENT_AT)?.stamp).toBe(seconds(UPDATED));
    });

    it('falls back to the event time when neither time can be read', () => {
      expect(stageMove(dealUpdate({ stageUpdated: 'yesterday', updated: 'soon' }), STAGES, EVENT_AT)?.stamp).toBe(String(Math.floor(EVENT_AT / 1000)));
    });

    it('is the same for a repeated delivery, whatever its event time', () => {
      const first = stageMove(dealUpdate({ stageUpdated: STAGE_UPDATED }), STAGES, EVENT_AT);
      const again = stageMove(dealUpdate({ stageUpdated: STAGE_UPDATED }), STAGES, EVENT_AT + 90_000);
      expect(again).toEqual(first);
    });

    it('differs for a later move of the same deal', () => {
      const first = stageMove(dealUpdate({ from: OPEN, to: WON, stageUpdated: STAGE_UPDATED }), STAGES, EVENT_AT);
      const later = stageMove(dealUpdate({ from: NEGOTIATION, to: WON, stageUpdated: '2026-05-01T09:00:00Z' }), STAGES, EVENT_AT);
      expect(later?.stamp).not.toBe(first?.stamp);
    });
  });
});

describe('closedAs', () => {
  const move = (fromForecast: StageMove['fromForecast'], toForecast: StageMove['toForecast']): StageMove => ({
    dealId: DEAL_ID,
    from: OPEN,
    to: WON,
    fromForecast,
    toForecast,
    toName: null,
    stamp: '1772619630',
  });

  it.each([
    ['open', 'won', 'won'],
    ['lost', 'won', 'won'],
    ['open', 'lost', 'lost'],
    ['won', 'lost', 'lost'],
    ['open', 'open', undefined],
    ['won', 'open', undefined],
    ['lost', 'open', undefined],
    ['won', 'won', undefined],
    ['lost', 'lost', undefined],
  ] as const)('%s → %s closes it as %s', (from, to, closed) => {
    expect(closedAs(move(from, to))).toBe(closed);
  });

  it('is none for a move between two won stages known from the stages map', () => {
    const between = stageMove(dealUpdate({ from: WON, to: OTHER_WON }), STAGES, EVENT_AT) as StageMove;
    expect(between).toMatchObject({ fromForecast: 'won', toForecast: 'won' });
    expect(closedAs(between)).toBeUndefined();
  });

  it('is won for a real win read from an event', () => {
    expect(closedAs(stageMove(dealUpdate({ from: NEGOTIATION, to: WON }), STAGES, EVENT_AT) as StageMove)).toBe('won');
  });
});
