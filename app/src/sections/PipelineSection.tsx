import type { AccountData } from '../data/types';
import { formatAmounts } from '../fields/display';
import { format, messages } from '../i18n/messages';
import { pipelineSummary, type Total } from '../model/related';
import { EmptyState, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.pipeline;

function countText(count: number): string {
  return count === 1 ? text.oneDeal : format(text.stageCount, { count });
}

function TotalRow({ label, total, testId, className }: { label: string; total: Total; testId: string; className?: string }) {
  return (
    <tr data-testid={testId} className={className}>
      <th scope="row">{label}</th>
      <td>{countText(total.count)}</td>
      <td>{formatAmounts(total.amounts)}</td>
    </tr>
  );
}

/** Open deals by stage in pipeline order, then won and lost totals (values summed exactly). */
export function PipelineSection({ data }: SectionProps<AccountData>) {
  const summary = pipelineSummary(data.deals, data.dealFields);
  const openCount = summary.open.reduce((sum, stage) => sum + stage.count, 0);
  return (
    <Section name="pipeline" title={text.title} count={openCount}>
      {data.deals.length === 0 ? (
        <EmptyState text={text.empty} />
      ) : (
        <table className="pipeline-table">
          <caption className="visually-hidden">{text.openDeals}</caption>
          <tbody>
            {summary.open.map((stage) => (
              <TotalRow key={stage.stageId} label={stage.name} total={stage} testId="pipeline-stage-row" />
            ))}
            <TotalRow label={text.won} total={summary.won} testId="pipeline-won" className="pipeline-total" />
            <TotalRow label={text.lost} total={summary.lost} testId="pipeline-lost" />
          </tbody>
        </table>
      )}
    </Section>
  );
}
