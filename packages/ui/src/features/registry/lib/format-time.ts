// Timestamps of the registry pages as local date and time.
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || ms === 0) return '—';
  return new Date(ms).toLocaleString();
}
