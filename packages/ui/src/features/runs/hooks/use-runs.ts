// The runs table's data: search-runs pages as an infinite query, loaded further as the table scrolls.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RunRow } from '../lib/run-row.js';
import { runKeys, type RunSearchParams } from './query-keys.js';
import { searchRunsPage } from './run-queries.js';

export function useRunsQuery(params: RunSearchParams) {
  const query = useInfiniteQuery({
    queryKey: runKeys.search(params),
    queryFn: ({ pageParam, signal }) => searchRunsPage(params, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
    // A new sort or filter keeps the current rows on screen until the answer arrives: no flash.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const rows = useMemo<RunRow[]>(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  return { ...query, rows };
}
