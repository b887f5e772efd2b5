import { useQuery } from '@tanstack/react-query';
import { getEvaluation } from '../api/endpoints.js';
import {
  percent,
  readDetectionReport,
  readPrivacyReport,
  readQuality,
} from '../lib/metricWords.js';
import AttackRisks from './AttackRisks.jsx';
import { ErrorMessage, Loading } from './Feedback.jsx';
import FidelityList from './FidelityList.jsx';
import GiveawayCharts, { giveawayColumns } from './GiveawayCharts.jsx';
import Heatmap from './Heatmap.jsx';
import HistogramOverlay from './HistogramOverlay.jsx';
import QualityCheck from './QualityCheck.jsx';
import ReportDownload from './ReportDownload.jsx';
import ScoreCard from './ScoreCard.jsx';

const COMPUTING = ['PENDING', 'RUNNING'];

function difference(real, synthetic) {
  return real.map((row, i) =>
    row.map((v, j) => (v == null || synthetic?.[i]?.[j] == null ? null : synthetic[i][j] - v)),
  );
}

const MOST_TELLING = 3;

/**
 * What gives synthetic rows away most, as the engine judged it. An evaluation stored before that
 * judgement shows its most telling columns' AUCs without saying which give rows away.
 */
function giveaways(detection) {
  const columns = detection.columns ?? [];
  if (columns.some((c) => typeof c.gives_away === 'boolean')) {
    return giveawayColumns(detection).map(({ column, auc }) => [
      `Gives rows away: ${column}`,
      `AUC ${Number(auc).toFixed(2)}`,
    ]);
  }
  return [...columns]
    .sort((a, b) => Number(b.auc) - Number(a.auc))
    .slice(0, MOST_TELLING)
    .map(({ column, auc }) => [`AUC of ${column} alone`, Number(auc).toFixed(2)]);
}

const MEASURES = { roc_auc: 'ROC AUC', r2: 'R²' };

/** Train on synthetic, test on real: the ratio, and what it compares in a sentence. */
function utilityReading(utility) {
  if (!utility) {
    return {
      word: null,
      description: 'Not measured: it needs rows held out at training and a column to predict.',
    };
  }
  const measure = MEASURES[utility.metric] ?? utility.metric;
  const score = (value) => (value === null || value === undefined ? '–' : Number(value).toFixed(2));
  return {
    word: null,
    description: `A model trained on synthetic rows predicts “${utility.target}” on real rows it never saw with ${measure} ${score(utility.synthetic)}, against ${score(utility.training)} when trained on the real training rows.`,
  };
}

/** Realism, quality and privacy of a trained model, with histograms and correlation heatmaps. */
export default function MetricVisualizer({ modelId }) {
  const evaluation = useQuery({
    queryKey: ['evaluation', String(modelId)],
    queryFn: () => getEvaluation(modelId),
    refetchInterval: (query) => (COMPUTING.includes(query.state.data?.status) ? 2000 : false),
  });
  let body;
  if (evaluation.isPending) body = <Loading label="Loading the evaluation…" />;
  else if (evaluation.error)
    body = (
      <ErrorMessage
        error={evaluation.error}
        title="Could not load the evaluation"
        onRetry={evaluation.refetch}
      />
    );
  else if (COMPUTING.includes(evaluation.data?.status))
    body = <Loading label="Comparing the synthetic data with the real data…" />;
  else if (evaluation.data?.status === 'FAILED')
    body = (
      <ErrorMessage
        error={evaluation.data.error || 'No reason given.'}
        title="The evaluation failed"
      />
    );
  else if (!evaluation.data?.report)
    body = <p className="text-sm text-slate-600">No evaluation is available for this model.</p>;
  else body = <Report report={evaluation.data.report} />;
  return (
    <section aria-labelledby="metrics-title" className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="metrics-title" className="text-lg font-semibold">
          Realism, quality and privacy
        </h2>
        {evaluation.data?.report && <ReportDownload modelId={modelId} />}
      </div>
      {body}
    </section>
  );
}

function Report({ report }) {
  const {
    quality = {},
    privacy = {},
    diagnostic,
    detection,
    utility,
    charts = {},
    fidelity,
  } = report;
  const correlation = charts.correlation;
  const holdout = privacy.holdout;
  return (
    <div className="space-y-4" data-testid="evaluation-report">
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        {detection && (
          <ScoreCard
            title="Realism"
            score={detection.score}
            reading={readDetectionReport(detection)}
            details={[
              ...(detection.auc === null || detection.auc === undefined
                ? []
                : [['Classifier AUC (0.5: cannot tell)', Number(detection.auc).toFixed(2)]]),
              ...giveaways(detection),
            ]}
          >
            <GiveawayCharts detection={detection} histograms={charts.histograms} />
          </ScoreCard>
        )}
        <ScoreCard title="Utility" score={utility?.ratio} reading={utilityReading(utility)} />
        <ScoreCard
          title="Privacy"
          score={privacy.score}
          reading={readPrivacyReport(privacy)}
          details={[
            ...(holdout
              ? [
                  [
                    'Closer to a training row than to an unseen one (ideal 50%)',
                    percent(holdout.dcr_share, 1),
                  ],
                ]
              : []),
            ['Distance to closest record vs baseline', percent(privacy.dcr_baseline_protection, 1)],
            ['Exact copies of real rows', percent(privacy.exact_copy_share, 2)],
          ]}
        />
        <ScoreCard
          title="Quality"
          score={quality.score}
          reading={readQuality(quality.score)}
          details={[
            ['Column shapes', percent(quality.column_shapes, 1)],
            ['Column pair trends', percent(quality.column_pair_trends, 1)],
            ...(diagnostic ? [['Validity (diagnostic)', percent(diagnostic.score, 1)]] : []),
          ]}
        />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <AttackRisks privacy={privacy} />
        <QualityCheck check={report.quality_check} />
      </div>
      <FidelityList quality={quality} fidelity={fidelity} />
      {charts.histograms?.length > 0 && (
        <div className="card">
          <h3 className="mb-2 font-semibold">Real vs synthetic distributions</h3>
          <HistogramOverlay histograms={charts.histograms} />
        </div>
      )}
      {correlation?.columns?.length > 1 && (
        <div className="card">
          <h3 className="mb-1 font-semibold">Correlations</h3>
          <p className="mb-3 text-xs text-slate-600">
            Red is positive, blue negative. The difference is synthetic minus real: the paler, the
            better the relationships are kept.
          </p>
          <div className="grid gap-4 lg:grid-cols-3">
            <Heatmap title="Real" columns={correlation.columns} matrix={correlation.real} />
            <Heatmap
              title="Synthetic"
              columns={correlation.columns}
              matrix={correlation.synthetic}
            />
            <Heatmap
              title="Difference"
              columns={correlation.columns}
              matrix={difference(correlation.real, correlation.synthetic)}
            />
          </div>
          <div className="mt-3 flex items-center gap-2 text-xs text-slate-600" aria-hidden="true">
            <span>−1</span>
            <span
              className="h-3 w-40 rounded"
              style={{ background: 'linear-gradient(to right, rgb(0,0,255), #fff, rgb(255,0,0))' }}
            />
            <span>+1</span>
          </div>
        </div>
      )}
    </div>
  );
}
