// Minimal JSON client for MLflow's REST API (`/api/2.0/mlflow/...`), used for setup outside the timed parts.

/** POSTs JSON to an MLflow endpoint and returns the parsed answer; throws on a non-2xx status. */
export async function postJson<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api/2.0/mlflow/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** GETs an MLflow endpoint with query parameters and returns the parsed answer; throws on a non-2xx status. */
export async function getJson<T>(baseUrl: string, path: string, query: Record<string, string>): Promise<T> {
  const res = await fetch(`${baseUrl}/api/2.0/mlflow/${path}?${new URLSearchParams(query).toString()}`);
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Creates a run in the experiment and returns its id. */
export async function createRun(baseUrl: string, experimentId: string): Promise<string> {
  const out = await postJson<{ run: { info: { run_id: string } } }>(baseUrl, 'runs/create', {
    experiment_id: experimentId,
    start_time: Date.now(),
  });
  return out.run.info.run_id;
}

/** Runs fn over items with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
