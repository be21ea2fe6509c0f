import { render, screen, within } from '@testing-library/react';
import { formatMoney } from '../fields/display';
import { format, messages } from '../i18n/messages';
import { accountData, deal, fakeActions, STAGE } from './fixtures';
import { PipelineSection } from './PipelineSection';

const text = messages.sections.pipeline;

function cells(row: HTMLElement): string[] {
  return [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '');
}

describe('PipelineSection', () => {
  it('shows open deals by stage in pipeline order with count and value, then won and lost', () => {
    render(<PipelineSection data={accountData()} actions={fakeActions()} />);
    const section = screen.getByTestId('section-pipeline');
    expect(within(section).getByTestId('section-count')).toHaveTextContent('3');
    const rows = screen.getAllByTestId('pipeline-stage-row');
    expect(rows.map(cells)).toEqual([
      ['New', text.oneDeal, formatMoney('0')],
      ['Qualification', format(text.stageCount, { count: 2 }), formatMoney('12000.1')],
    ]);
    expect(cells(screen.getByTestId('pipeline-won'))).toEqual([text.won, text.oneDeal, formatMoney('5600.5')]);
    expect(cells(screen.getByTestId('pipeline-lost'))).toEqual([text.lost, text.oneDeal, formatMoney('900.0')]);
  });

  it('sums values exactly', () => {
    const deals = ['0.1', '0.2', '0.4'].map((amount, index) => deal({ id: index + 1, name: `d${index}`, amount, deal_stage_id: STAGE.proposal }));
    render(<PipelineSection data={accountData({ deals })} actions={fakeActions()} />);
    expect(cells(screen.getByTestId('pipeline-stage-row'))[2]).toBe(formatMoney('0.7'));
    expect(cells(screen.getByTestId('pipeline-won'))).toEqual([text.won, format(text.stageCount, { count: 0 }), formatMoney('0')]);
  });

  it('says what to do when the account has no deals', () => {
    render(<PipelineSection data={accountData({ deals: [] })} actions={fakeActions()} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(text.empty);
    expect(screen.queryByTestId('pipeline-stage-row')).toBeNull();
  });
});
