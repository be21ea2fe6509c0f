import { render, screen, within } from '@testing-library/react';
import { formatMoney } from '../fields/display';
import { format, messages } from '../i18n/messages';
import { accountData, deal, fakeActions, STAGE } from '../test/section-fixtures';
import { PipelineSection } from './PipelineSection';

const text = messages.sections.pipeline;

function cells(row: HTMLElement): string[] {
  return [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '');
}

describe('PipelineSection', () => {
  // Totals are in the account's base currency (the first currency choice: USD in the fixtures).
  const usd = (amount: string) => formatMoney(amount, 'USD');

  it('shows open deals by stage in pipeline order with count and value, then won and lost', () => {
    render(<PipelineSection data={accountData()} actions={fakeActions()} />);
    const section = screen.getByTestId('section-pipeline');
    expect(within(section).getByTestId('section-count')).toHaveTextContent('3');
    const rows = screen.getAllByTestId('pipeline-stage-row');
    expect(rows.map(cells)).toEqual([
      ['New', text.oneDeal, usd('0')],
      ['Qualification', format(text.stageCount, { count: 2 }), usd('12000.1')],
    ]);
    expect(cells(screen.getByTestId('pipeline-won'))).toEqual([text.won, text.oneDeal, usd('5600.5')]);
    expect(cells(screen.getByTestId('pipeline-lost'))).toEqual([text.lost, text.oneDeal, usd('900.0')]);
  });

  it('sums values exactly', () => {
    const deals = ['0.1', '0.2', '0.4'].map((amount, index) => deal({ id: index + 1, name: `d${index}`, amount, deal_stage_id: STAGE.proposal }));
    render(<PipelineSection data={accountData({ deals })} actions={fakeActions()} />);
    expect(cells(screen.getByTestId('pipeline-stage-row'))[2]).toBe(usd('0.7'));
    expect(cells(screen.getByTestId('pipeline-won'))).toEqual([text.won, format(text.stageCount, { count: 0 }), usd('0')]);
  });

  it('shows totals of deals in other currencies by their base-currency amount (B2)', () => {
    const deals = [
      deal({ id: 1, name: 'euro', amount: '100.0', base_currency_amount: '108.0', currency_id: 402000190125, deal_stage_id: STAGE.proposal }),
      deal({ id: 2, name: 'dollar', amount: '50.5', deal_stage_id: STAGE.proposal }),
    ];
    render(<PipelineSection data={accountData({ deals })} actions={fakeActions()} />);
    expect(cells(screen.getByTestId('pipeline-stage-row'))[2]).toBe('$158.50');
  });

  it('says what to do when the account has no deals', () => {
    render(<PipelineSection data={accountData({ deals: [] })} actions={fakeActions()} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(text.empty);
    expect(screen.queryByTestId('pipeline-stage-row')).toBeNull();
  });
});
