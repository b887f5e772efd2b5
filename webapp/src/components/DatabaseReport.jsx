import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { evaluateDatabaseBatch, getDatabaseEvaluation } from '../api/endpoints.js';
import { childrenPerParentHistogram, relationshipLabel } from '../lib/databaseReport.js';
import { formatNumber } from '../lib/format.js';
import { percent, readDetectionReport, toneFor } from '../lib/metricWords.js';
import { ErrorMessage, Loading } from './Feedback.jsx';
import { giveawayColumns } from './GiveawayCharts.jsx';
import HistogramChart from './HistogramChart.jsx';

const COMPUTING = ['PENDING', 'RUNNING'];

export const databaseEvaluationKey = (batchId) => ['database-evaluation', String(batchId)];

/** Label and value pairs as a small definition list; pairs without a value are left out. */
function Figures({ items, label }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined);
  if (shown.length === 0) return null;
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2" aria-label={label}>
      {shown.map(([name, value]) => (
        <div key={name} className="flex justify-between gap-2">
          <dt className="text-slate-600">{name}</dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const score = (value) => (value === null || value === undefined ? undefined : percent(value, 1));

function Summary({ summary }) {
  return (
    <Figures
      label="Summary"
      items={[
        ['Foreign keys that find their parent', score(summary.integrity)],
        ['Orphan rows', summary.orphans == null ? undefined : formatNumber(summary.orphans)],
        ['Children per parent (KS complement)', score(summary.childrenPerParentKsComplement)],
        ['Sequence lengths (KS complement)', score(summary.sequenceLengthKsComplement)],
        ['Sequences in order', score(summary.orderKept)],
        ['Parent–child pair trends', score(summary.pairTrends)],
        ['Mean quality of the tables', score(summary.quality)],
        ['Realism of parents with their children', score(summary.detection)],
      ]}
    />
  );
}

function sideWords(side) {
  if (!side) return undefined;
  const parts = [];
  if (side.mean != null) parts.push(`mean ${formatNumber(side.mean)}`);
  if (side.max != null) parts.push(`max ${formatNumber(side.max)}`);
  if (side.childless != null) parts.push(`${percent(side.childless, 1)} childless`);
  return parts.length ? parts.join(' · ') : undefined;
}

function Relationship({ relationship }) {
  const label = relationshipLabel(relationship);
  const { integrity = {}, childrenPerParent = {}, pairTrends, sequence } = relationship;
  const histogram = childrenPerParentHistogram(relationship);
  return (
    <li className="card space-y-3" data-testid="report-relationship" aria-label={label}>
      <h4 className="font-semibold">
        {label}
        {relationship.orderBy?.length > 0 && (
          <span className="ml-2 text-sm font-normal text-slate-600">
            ordered by {relationship.orderBy.join(', ')}
          </span>
        )}
      </h4>
      <Figures
        label={`Figures of ${label}`}
        items={[
          ['Foreign keys that find their parent', score(integrity.share)],
          [
            'Orphan rows',
            integrity.orphans == null
              ? undefined
              : `${formatNumber(integrity.orphans)} of ${formatNumber(integrity.childRows)}`,
          ],
          ['Empty keys', integrity.nullKeys ? formatNumber(integrity.nullKeys) : undefined],
          ['Children per parent (KS complement)', score(childrenPerParent.ksComplement)],
          ['Real children per parent', sideWords(childrenPerParent.real)],
          ['Synthetic children per parent', sideWords(childrenPerParent.synthetic)],
          [
            'Parent–child pair trends',
            pairTrends?.score == null
              ? undefined
              : `${score(pairTrends.score)} over ${formatNumber(pairTrends.scored ?? pairTrends.pairs?.length)} pairs`,
          ],
          ['Sequence lengths (KS complement)', score(sequence?.lengthKsComplement)],
          [
            'Sequences in order',
            sequence?.orderKept == null
              ? undefined
              : `${score(sequence.orderKept)}${sequence.realOrderKept == null ? '' : ` (real ${score(sequence.realOrderKept)})`}`,
          ],
        ]}
      />
      {histogram && (
        <div className="h-56">
          <HistogramChart histogram={histogram} />
        </div>
      )}
    </li>
  );
}

function Tables({ tables }) {
  const names = Object.keys(tables ?? {});
  if (names.length === 0) return null;
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left font-semibold">Each table on its own</caption>
      <thead className="text-slate-600">
        <tr>
          <th className="py-1 font-medium">Table</th>
          <th className="py-1 font-medium">Quality</th>
          <th className="py-1 font-medium">Column shapes</th>
          <th className="py-1 font-medium">Column pair trends</th>
          <th className="py-1 font-medium">Realism</th>
          <th className="py-1 font-medium">Privacy</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {names.map((name) => {
          const table = tables[name];
          return (
            <tr key={name}>
              <th scope="row" className="py-1 font-medium">
                {name}
              </th>
              {table ? (
                <>
                  <td>{percent(table.quality?.score, 1)}</td>
                  <td>{percent(table.quality?.column_shapes, 1)}</td>
                  <td>{percent(table.quality?.column_pair_trends, 1)}</td>
                  <td>{percent(table.detection?.score, 1)}</td>
                  <td>{percent(table.privacy?.score, 1)}</td>
                </>
              ) : (
                <td colSpan={5} className="text-slate-500">
                  not scored in this evaluation
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Detection({ detection }) {
  const tables = Object.entries(detection?.tables ?? {});
  if (tables.length === 0) return null;
  return (
    <div className="space-y-2">
      <h4 className="font-semibold">Can a classifier tell parents with their children apart?</h4>
      <ul className="space-y-2">
        {tables.map(([name, result]) => {
          const reading = readDetectionReport(result);
          const telling = giveawayColumns(result);
          return (
            <li key={name} className="text-sm" data-testid="report-detection">
              <p className="flex flex-wrap items-baseline gap-2">
                <span className="font-medium">{name} with its children</span>
                <span className="tabular-nums">{percent(result.score, 1)}</span>
                {reading.word && (
                  <span
                    className={`rounded px-2 py-0.5 text-xs font-semibold ${toneFor(reading.word)}`}
                  >
                    {reading.word}
                  </span>
                )}
              </p>
              <p className="text-slate-700">{reading.description}</p>
              {telling.length > 0 && (
                <p className="text-slate-600">
                  Most telling:{' '}
                  {telling.map((c) => `${c.column} (AUC ${Number(c.auc).toFixed(2)})`).join(', ')}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Report({ report }) {
  return (
    <div className="space-y-4" data-testid="database-report">
      {report.summary && <Summary summary={report.summary} />}
      {report.relationships?.length > 0 && (
        <ul className="space-y-3" aria-label="Relationships">
          {report.relationships.map((r) => (
            <Relationship key={relationshipLabel(r)} relationship={r} />
          ))}
        </ul>
      )}
      <Tables tables={report.tables} />
      <Detection detection={report.detection} />
    </div>
  );
}

/**
 * How well a generated database keeps its real one's relationships: foreign keys, children per
 * parent, parent–child trends, sequences, each table's own scores and the realism of parents with
 * their children. Evaluated by the server once the batch completes; polled while it computes.
 */
export default function DatabaseReport({ batchId }) {
  const queryClient = useQueryClient();
  const evaluation = useQuery({
    queryKey: databaseEvaluationKey(batchId),
    queryFn: () => getDatabaseEvaluation(batchId),
    refetchInterval: (query) => (COMPUTING.includes(query.state.data?.status) ? 2000 : false),
  });
  const evaluate = useMutation({
    mutationFn: () => evaluateDatabaseBatch(batchId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: databaseEvaluationKey(batchId) }),
  });
  const again = (
    <button
      type="button"
      className="btn-secondary"
      disabled={evaluate.isPending}
      onClick={() => evaluate.mutate()}
    >
      {evaluate.isPending ? 'Queuing…' : 'Evaluate again'}
    </button>
  );
  let body;
  if (evaluation.isPending) body = <Loading label="Loading the report…" />;
  else if (evaluation.error?.status === 404)
    body = (
      <div className="space-y-2 text-sm text-slate-600">
        <p>This database has not been evaluated yet.</p>
        {again}
      </div>
    );
  else if (evaluation.error)
    body = (
      <ErrorMessage
        error={evaluation.error}
        title="Could not load the report"
        onRetry={evaluation.refetch}
      />
    );
  else if (COMPUTING.includes(evaluation.data?.status))
    body = <Loading label="Comparing the synthetic database with the real one…" />;
  else if (evaluation.data?.status === 'FAILED')
    body = (
      <div className="space-y-2">
        <ErrorMessage
          error={evaluation.data.error || 'No reason given.'}
          title="The evaluation failed"
        />
        {again}
      </div>
    );
  else if (!evaluation.data?.report)
    body = <p className="text-sm text-slate-600">The evaluation holds no report.</p>;
  else body = <Report report={evaluation.data.report} />;
  return (
    <div
      className="space-y-3 rounded-md border border-slate-200 p-3"
      role="region"
      aria-label={`Relational report of batch ${batchId}`}
    >
      {body}
      {evaluate.error && (
        <ErrorMessage error={evaluate.error} title="The evaluation was not queued" />
      )}
    </div>
  );
}
