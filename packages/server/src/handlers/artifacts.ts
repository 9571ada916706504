// Artifact RPC handler of the tracking API: artifacts/list for a run.
import type { TrackingHandlers } from './tracking-handlers.js';

export const artifactHandlers: Pick<TrackingHandlers, 'listArtifacts'> = {
  listArtifacts: async (req, { services }) => {
    const listing = await services.artifacts.list(req.run_id, req.path);
    return { root_uri: listing.rootUri, files: listing.files };
  },
};
