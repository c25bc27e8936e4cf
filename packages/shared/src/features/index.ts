export { emaMemory, exponentialMemory, MEMORY_TOLERANCE, wilderMemory, type FeatureDefinition } from './FeatureDefinition';
export { FeatureKernel } from './FeatureKernel';
export { FEATURE_CATALOG } from './catalog/index';
export { createFeatureSpec, resolveFeatures, DEFAULT_FEATURE_SPEC, FEATURE_SPEC_VERSION, type FeatureSpec } from './FeatureSpec';
export { FeatureStream } from './FeatureStream';
export { computeFeatures, type FeatureMatrix } from './computeFeatures';
