// The complete handler table of the registry endpoints, assembled from the per-area files.
import { modelVersionHandlers } from './model-versions.js';
import { registeredModelHandlers } from './registered-models.js';
import type { RegistryHandlers } from './types.js';

export const registryHandlers: RegistryHandlers = {
  ...registeredModelHandlers,
  ...modelVersionHandlers,
};
