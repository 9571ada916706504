// Start times as `mlflow runs list` shows them: local "YYYY-MM-DD HH:MM:SS" plus the zone's short name.

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * @example
 * localDate(0) // '1970-01-01 00:00:00 UTC' under TZ=UTC
 */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  const zone = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName');
  return zone ? `${date} ${zone.value}` : date;
}
