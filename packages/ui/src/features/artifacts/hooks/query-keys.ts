// Typed query keys of the artifacts feature: one directory listing, one file's text.
export const artifactKeys = {
  all: ['artifacts'] as const,
  list: (runId: string, path: string) => [...artifactKeys.all, runId, 'list', path] as const,
  text: (runId: string, path: string) => [...artifactKeys.all, runId, 'text', path] as const,
};
