// TanStack Query hooks of the registry pages, one per read; keys and fetchers are in registry-queries.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { rest } from '../../../api/rest.js';
import {
  fetchModel,
  fetchRunExperiment,
  fetchVersion,
  fetchVersions,
  registryKeys,
  searchModels,
} from './registry-queries.js';

/** Registered models whose name contains `text`, a page at a time ("Load more"). */
export function useModelSearch(text: string) {
  return useInfiniteQuery({
    queryKey: registryKeys.search(text),
    queryFn: ({ pageParam, signal }) => searchModels(rest, text, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_page_token || undefined,
  });
}

export function useRegisteredModel(name: string) {
  return useQuery({
    queryKey: registryKeys.model(name),
    queryFn: ({ signal }) => fetchModel(rest, name, signal),
  });
}

export function useModelVersions(name: string) {
  return useQuery({
    queryKey: registryKeys.versions(name),
    queryFn: ({ signal }) => fetchVersions(rest, name, signal),
  });
}

export function useModelVersion(name: string, version: string) {
  return useQuery({
    queryKey: registryKeys.version(name, version),
    queryFn: ({ signal }) => fetchVersion(rest, name, version, signal),
  });
}

/** The experiment of a version's source run, for a link to the run page; off without a run. */
export function useRunExperiment(runId: string | undefined) {
  return useQuery({
    queryKey: registryKeys.runExperiment(runId ?? ''),
    queryFn: ({ signal }) => fetchRunExperiment(rest, runId as string, signal),
    enabled: runId !== undefined && runId !== '',
    retry: false,
  });
}
