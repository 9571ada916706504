// A tiny line of a metric's history (bucketed server-side), fetched only when its row is on screen.
import { useSparklineQuery } from '../hooks/use-run.js';

const W = 150;
const H = 22;

export function points(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return '';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = values.length > 1 ? W / (values.length - 1) : 0;
  return values
    .map((v, i) =>
      Number.isFinite(v)
        ? `${(i * step).toFixed(1)},${(H - 2 - ((v - min) / span) * (H - 4)).toFixed(1)}`
        : '',
    )
    .filter(Boolean)
    .join(' ');
}

export function Sparkline({ runId, metricKey }: { runId: string; metricKey: string }) {
  const { data } = useSparklineQuery(runId, metricKey);
  if (!data) return <svg className="sparkline" width={W} height={H} aria-hidden />;
  if (data.length < 2) return <span className="faint">single value</span>;
  return (
    <svg className="sparkline" width={W} height={H} role="img" aria-label={`${metricKey} history`}>
      <polyline points={points(data)} fill="none" stroke="var(--chart-line)" strokeWidth="1.5" />
    </svg>
  );
}
