// PagedList: one page of a search with the token of the next, and helpers to walk every page.

/** One page of results; `token` is set when there are more. */
export interface PagedList<T> {
  readonly items: T[];
  readonly token: string | undefined;
}

/**
 * Builds a PagedList from a response page (MLflow sends no token, or '', on the last page).
 *
 * @example
 * pagedList(res.runs, res.next_page_token)
 */
export function pagedList<T>(items: T[] | undefined, token: string | undefined): PagedList<T> {
  return { items: items ?? [], token: token === undefined || token === '' ? undefined : token };
}

/**
 * Walks pages until the server stops sending a token, yielding every item.
 *
 * @example
 * for await (const run of allPages((token) => client.searchRuns(['0'], { pageToken: token }))) console.log(run.info.run_id);
 */
export async function* allPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<PagedList<T>>,
): AsyncGenerator<T, void, undefined> {
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield* page.items;
    token = page.token;
  } while (token !== undefined);
}

/**
 * Collects every item of every page into one array.
 *
 * @example
 * const runs = await collectPages((token) => client.searchRuns(['0'], { pageToken: token }));
 */
export async function collectPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<PagedList<T>>,
): Promise<T[]> {
  const out: T[] = [];
  for await (const item of allPages(fetchPage)) out.push(item);
  return out;
}
