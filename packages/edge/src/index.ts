export { createApp, type EdgeConfig } from './app/createApp';
export { ApiError } from './app/ApiError';
export { ModelRegistry, type RegistryOptions, type TagState } from './registry/ModelRegistry';
export type { ArtifactSource, TagPointer } from './registry/ArtifactSource';
export type { Signal, SignalModel, SignalResult } from './engine/SignalModel';
export { parseApiKeys, hashApiKey, matchApiKey, type ApiKeyEntry } from './auth/ApiKeys';
export { chooseArm, bucketOf, type Arm } from './routing/chooseArm';
export { StoreArtifactSource } from './registry/StoreArtifactSource';
export { EngineSignalModel } from './engine/EngineSignalModel';
