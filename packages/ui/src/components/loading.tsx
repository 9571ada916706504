// A quiet loading placeholder that keeps its height, so content arriving does not shift the page.
export function Loading({ label = 'Loading…', height = 120 }: { label?: string; height?: number }) {
  return (
    <div className="loading" style={{ minHeight: height }} role="status">
      <span className="spinner" aria-hidden />
      <span className="muted">{label}</span>
    </div>
  );
}
