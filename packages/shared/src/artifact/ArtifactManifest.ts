/** The artifact format this code writes and the only one it reads. */
export const ARTIFACT_FORMAT_VERSION = 1;

/** A JSON object whose shape belongs to another part of the system (ensemble, calibration, metrics...). */
export type JsonRecord = Record<string, unknown>;

/** How a tensor's elements are stored: int8 with per-output-channel fp32 scales, IEEE half, or float32. */
export type TensorDtype = 'int8' | 'fp16' | 'fp32';

export const TENSOR_DTYPES: readonly TensorDtype[] = ['int8', 'fp16', 'fp32'];

/** Bytes per stored element of each dtype. */
export const DTYPE_BYTES: Record<TensorDtype, number> = { int8: 1, fp16: 2, fp32: 4 };

/** One binary object of a version: the concatenation of some tensors and buffers. */
export interface BlobObject {
  /** File-safe name, e.g. `lstm.bin`; stored at `versions/<version>/blobs/<name>`. */
  name: string;
  /** Lowercase hex sha256 of the object's bytes. */
  sha256: string;
  byteLength: number;
}

/** A tensor's bytes inside a blob object. Little-endian; elements row-major over `shape`. */
export interface TensorEntry {
  name: string;
  /** e.g. `[in, out]` for a dense kernel; `[]` is a scalar. */
  shape: number[];
  dtype: TensorDtype;
  blob: string;
  byteOffset: number;
  /** elements x bytes of the dtype. */
  byteLength: number;
  /** int8 only: float32 scales, one per output channel (the last axis), in the same blob. */
  scales?: { byteOffset: number; byteLength: number };
}

/** A named byte range in a blob object (tree arrays and other raw buffers). */
export interface BufferEntry {
  name: string;
  blob: string;
  byteOffset: number;
  byteLength: number;
}

/** Trees: their JSON description plus any raw buffers it refers to by name. */
export interface TreesEntry {
  json: JsonRecord;
  buffers: BufferEntry[];
}

/** One member model of the artifact. */
export interface ModelEntry {
  /** e.g. `lstm`, `gru`, `attention`, `transformer`, `randomForest`, `boostedTrees`. */
  kind: string;
  /** Layer sizes, activations...: whatever the kernel of this kind needs to rebuild the model. */
  architecture: JsonRecord;
  tensors: TensorEntry[];
  trees?: TreesEntry;
}

/** A recorded input and the outputs the trainer computed for it, for edge parity checks. */
export interface GoldenCase {
  input: unknown;
  outputs: unknown;
}

/**
 * Everything the edge needs to rebuild what the trainer evaluated, except the tensor bytes, which
 * live in `blobs`. An artifact version is the sha256 of this manifest's canonical JSON (see
 * `artifactVersion`), and the manifest lists every blob's sha256, so the version covers every byte.
 */
export interface ArtifactManifest {
  formatVersion: number;
  /** ISO 8601 UTC time the training run finished. */
  createdAt: string;
  featureSpec: { version: number; names: string[]; hash: string };
  /** Candles per model input window. */
  windowLength: number;
  /** Candles a prediction request needs: feature warm-up + windowLength - 1. */
  minCandles: number;
  /** Per-feature standardisation fitted on the training rows; `mean` and `std` have one entry per feature. */
  normalisation: { mean: number[]; std: number[]; clip: number };
  /** Label definition: direction `horizon` candles ahead; how flat (unchanged) closes were treated. */
  labelPolicy: { horizon: number; flatPolicy: string };
  models: Record<string, ModelEntry>;
  ensemble: JsonRecord;
  calibration: JsonRecord;
  abstain: JsonRecord;
  metrics: JsonRecord;
  /** The candles trained on: content hash, first and last candle time (ISO 8601 UTC), count. */
  training: { dataHash: string; from: string; to: string; candles: number };
  /** Commit of the trainer that produced the artifact ("unknown" outside a checkout). */
  trainerCommit: string;
  golden: GoldenCase[];
  blobs: BlobObject[];
}
