// The run's metrics: latest value and step per key, with a sparkline of the whole history.
import type { Metric } from '@mlflow-ts/protocol';
import { VirtualList } from '../../../components/virtual-list.js';
import { formatValue } from '../../../lib/format.js';
import { Sparkline } from './sparkline.js';

export function MetricsTab({ runId, metrics }: { runId: string; metrics: readonly Metric[] }) {
  const sorted = [...metrics].sort((a, b) => a.key.localeCompare(b.key));
  return (
    <div className="vlist-metrics">
      <VirtualList
        items={sorted}
        keyOf={(m) => m.key}
        searchText={(m) => m.key}
        emptyTitle="No metrics logged"
        testId="metrics-list"
        header={
          <>
            <span>Metric</span>
            <span className="num">Latest</span>
            <span className="num">Step</span>
            <span>History</span>
          </>
        }
        renderRow={(m) => (
          <>
            <span className="mono" title={m.key}>
              {m.key}
            </span>
            <span className="num">{formatValue(m.value)}</span>
            <span className="num muted">{m.step}</span>
            <Sparkline runId={runId} metricKey={m.key} />
          </>
        )}
      />
    </div>
  );
}
