// The model registry service and what it is built with.
export {
  RegistryService,
  type CreateModelVersionCommand,
  type SearchRegistryCommand,
} from './registry-service.js';
export { VersionArtifacts } from './version-artifacts.js';
