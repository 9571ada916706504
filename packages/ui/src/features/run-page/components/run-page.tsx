// The run page: header, tabs (overview, metrics, params, tags, datasets, artifacts), each tab a deep link.
import { Link, useParams } from 'react-router';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { PageHeader } from '../../../components/page-header.js';
import { ArtifactBrowser } from '../../artifacts/components/artifact-browser.js';
import { chartsPath } from '../../charts/lib/chart-links.js';
import { useExperimentQuery } from '../../experiments/hooks/use-experiments.js';
import { useRunQuery } from '../hooks/use-run.js';
import { DatasetsTab } from './datasets-tab.js';
import { MetricsTab } from './metrics-tab.js';
import { ParamsTab } from './params-tab.js';
import { RunOverview } from './run-overview.js';
import { TagsTab } from './tags-tab.js';
import './run-page.css';

const TABS = [
  ['overview', 'Overview'],
  ['metrics', 'Metrics'],
  ['params', 'Parameters'],
  ['tags', 'Tags'],
  ['datasets', 'Datasets'],
  ['artifacts', 'Artifacts'],
] as const;

export function RunPage() {
  const { experimentId = '', runId = '', tab = 'overview' } = useParams();
  const run = useRunQuery(runId);
  const experiment = useExperimentQuery(experimentId);
  const base = `/experiments/${experimentId}/runs/${runId}`;
  const crumbs = [
    { label: 'Experiments', to: '/experiments' },
    { label: experiment.data?.name ?? `Experiment ${experimentId}`, to: `/experiments/${experimentId}` },
  ];
  if (run.isLoading) return <Loading label="Loading run…" />;
  if (run.error || !run.data) {
    return (
      <div className="page">
        <PageHeader title={`Run ${runId}`} crumbs={crumbs} />
        <ErrorBanner error={run.error ?? new Error('No run')} title="Could not load the run" />
      </div>
    );
  }
  const data = run.data;
  const counts: Record<string, number> = {
    metrics: data.data.metrics?.length ?? 0,
    params: data.data.params?.length ?? 0,
    tags: data.data.tags?.length ?? 0,
    datasets: data.inputs?.dataset_inputs?.length ?? 0,
  };
  return (
    <div className="page run-page">
      <PageHeader
        title={data.info.run_name || data.info.run_id}
        crumbs={crumbs}
        actions={
          <Link className="btn" to={chartsPath([data.info.run_id])}>
            Charts
          </Link>
        }
        meta={
          <span className="row">
            <span className={`badge badge-${data.info.status}`}>{data.info.status}</span>
            <span className="mono">{data.info.run_id}</span>
          </span>
        }
      />
      <nav className="tabs" aria-label="Run sections">
        {TABS.map(([id, label]) => (
          <Link
            key={id}
            to={id === 'overview' ? base : `${base}/${id}`}
            className={tab === id ? 'tab active' : 'tab'}
          >
            {label}
            {counts[id] !== undefined ? <span className="tab-count">{counts[id]}</span> : null}
          </Link>
        ))}
      </nav>
      <div className="run-tab">
        {tab === 'overview' ? <RunOverview run={data} /> : null}
        {tab === 'metrics' ? <MetricsTab runId={runId} metrics={data.data.metrics ?? []} /> : null}
        {tab === 'params' ? <ParamsTab params={data.data.params ?? []} /> : null}
        {tab === 'tags' ? <TagsTab runId={runId} tags={data.data.tags ?? []} /> : null}
        {tab === 'datasets' ? <DatasetsTab inputs={data.inputs?.dataset_inputs ?? []} /> : null}
        {tab === 'artifacts' ? <ArtifactBrowser runId={runId} /> : null}
        {!TABS.some(([id]) => id === tab) ? (
          <ErrorBanner error={new Error(`No section named “${tab}”.`)} />
        ) : null}
      </div>
    </div>
  );
}
