export {
  ARTIFACT_FORMAT_VERSION,
  DTYPE_BYTES,
  TENSOR_DTYPES,
  type ArtifactManifest,
  type BlobObject,
  type BufferEntry,
  type GoldenCase,
  type JsonRecord,
  type ModelEntry,
  type TensorDtype,
  type TensorEntry,
  type TreesEntry,
} from './ArtifactManifest';
export { ManifestValidationError } from './ManifestValidationError';
export { ArtifactIntegrityError } from './ArtifactIntegrityError';
export { ConflictError } from './ConflictError';
export { validateManifest } from './validateManifest';
export { ARTIFACT_NAME } from './validateModelEntry';
export { parseManifest } from './parseManifest';
export { canonicalJson } from './canonicalJson';
export { artifactVersion, manifestBytes } from './artifactVersion';
export { sha256Hex } from './sha256Hex';
export { encodeUtf8, decodeUtf8 } from './utf8';
export { float32ToFp16Bits, fp16BitsToFloat32, encodeFp16, decodeFp16 } from './fp16';
export { quantizeInt8, dequantizeInt8, type Int8Tensor } from './int8';
export { encodeTensor, decodeTensor, type EncodedTensor } from './tensorBytes';
export { packArtifact, type ArtifactDraft, type ModelDraft, type TensorDraft, type PackedArtifact } from './packArtifact';
export { verifyBlob } from './verifyBlob';
export { readArtifact, type BlobReader, type LoadedArtifact, type LoadedModel, type LoadedTensor } from './readArtifact';
export { readPackedArtifact } from './readPackedArtifact';
export type { ArtifactStore, ObjectInfo, StoredObject } from './ArtifactStore';
export { storeKeys, checkTagName, isVersion } from './storeKeys';
export { MemoryStore } from './MemoryStore';
export { R2BucketStore, type R2BucketLike } from './R2BucketStore';
export { validateTagPointer, type TagPointer, type TagHistoryEntry } from './TagPointer';
export { readTag, listTags, readTagHistory, type TagState } from './readTag';
export { moveTag, type TagMove } from './moveTag';
export { rollbackTag } from './rollbackTag';
export { publishArtifact, type PublishOptions, type PublishResult } from './publishArtifact';
export { loadArtifact, loadTaggedArtifact } from './loadArtifact';
export { listVersions, scanVersions, resolveVersion, type VersionSummary, type VersionObjects } from './listVersions';
export { collectGarbage, type GcOptions, type GcResult } from './collectGarbage';
