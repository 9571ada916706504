// The server-info handler: the capability payload, whatever the request carried.
import type { TrackingHandlers } from './tracking-handlers.js';

export const serverInfoHandlers: Pick<TrackingHandlers, 'serverInfo'> = {
  serverInfo: async (_req, { services }) => services.serverInfo.info(),
};
