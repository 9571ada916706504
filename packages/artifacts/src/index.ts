// Public surface of @mlflow-ts/artifacts: the repository contract, the local store, path safety, URI resolution.
// Nothing here loads the AWS SDK: the SDK-backed S3 classes are in './s3' (@mlflow-ts/artifacts/s3).
export {
  MULTIPART_UNSUPPORTED_MESSAGE,
  supportsMultipart,
  type ArtifactFileInfo,
  type ArtifactRepository,
  type ArtifactStat,
  type ByteRange,
  type MultipartCredential,
  type MultipartPart,
  type MultipartUpload,
} from './artifact-repository.js';
export { OUTSIDE_ROOT_MESSAGE, containedPath } from './contained-path.js';
export { LocalArtifactRepository, UPLOADING_PREFIX } from './local-artifact-repository.js';
export { guessMimeType } from './mime-type.js';
export { LazyS3Repository } from './lazy-s3-repository.js';
export { parseS3Uri, type S3Location } from './s3-location.js';
export { validatePathIsSafe } from './path-safety.js';
export {
  ArtifactResolver,
  isProxiedArtifactUri,
  localDirectoryOf,
  proxiedPathOf,
  type ArtifactServingConfig,
  type ResolvedLocation,
} from './resolve-location.js';
