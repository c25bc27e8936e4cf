import { CandlecastError } from '../../errors/CandlecastError';
import { base64ToBytes, bytesToBase64 } from './base64';
import type { TreeEnsemble } from './TreeEnsemble';

export const TREE_FORMAT_VERSION = 1;

/**
 * A TreeEnsemble as JSON: a small header plus each typed array as base64 of its little-endian
 * bytes (feature int16; roots, left, right int32; threshold, value float32). About 25 bytes of
 * base64 per node.
 */
export interface SerializedTreeEnsemble {
  format: 'candlecast-trees';
  version: number;
  kind: TreeEnsemble['kind'];
  aggregation: TreeEnsemble['aggregation'];
  featureCount: number;
  baseScore: number;
  treeCount: number;
  nodeCount: number;
  /** Hash of the TabularSpec whose rows the trees split on, when the trees read tabular rows. */
  inputHash: string | null;
  arrays: { roots: string; feature: string; threshold: string; left: string; right: string; value: string };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function checkEndianness(): void {
  if (!LITTLE_ENDIAN) throw new CandlecastError('unsupported_platform', 'tree arrays are little-endian; this platform is big-endian');
}

function encode(array: Int16Array | Int32Array | Float32Array): string {
  return bytesToBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

/** The JSON-friendly form of an ensemble. */
export function serializeTreeEnsemble(ensemble: TreeEnsemble, inputHash: string | null = null): SerializedTreeEnsemble {
  checkEndianness();
  const { roots, feature, threshold, left, right, value } = ensemble;
  return {
    format: 'candlecast-trees',
    version: TREE_FORMAT_VERSION,
    kind: ensemble.kind,
    aggregation: ensemble.aggregation,
    featureCount: ensemble.featureCount,
    baseScore: ensemble.baseScore,
    treeCount: roots.length,
    nodeCount: feature.length,
    inputHash,
    arrays: { roots: encode(roots), feature: encode(feature), threshold: encode(threshold), left: encode(left), right: encode(right), value: encode(value) },
  };
}

/**
 * Reads a serialised ensemble and checks its structure (lengths, node indices in range, children
 * after parents, split columns within featureCount), so a corrupt artifact fails here, not in a walk.
 */
export function deserializeTreeEnsemble(json: SerializedTreeEnsemble): TreeEnsemble {
  checkEndianness();
  const fail = (what: string) => new CandlecastError('invalid_trees', `serialised trees: ${what}`);
  if (json?.format !== 'candlecast-trees') throw fail(`format is ${JSON.stringify(json?.format)}, expected "candlecast-trees"`);
  if (json.version !== TREE_FORMAT_VERSION) throw fail(`version ${json.version} is not supported (expected ${TREE_FORMAT_VERSION})`);
  if (json.aggregation !== 'mean' && json.aggregation !== 'logistic') throw fail(`aggregation ${JSON.stringify(json.aggregation)}`);
  const { treeCount, nodeCount, featureCount } = json;
  const decode = <T>(name: keyof SerializedTreeEnsemble['arrays'], Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T => {
    const bytes = base64ToBytes(json.arrays?.[name] ?? '');
    if (!bytes || bytes.length !== length * Type.BYTES_PER_ELEMENT) throw fail(`array "${name}" is not ${length} values of ${Type.BYTES_PER_ELEMENT} bytes in base64`);
    return new Type(bytes.buffer as ArrayBuffer);
  };
  if (!(Number.isInteger(treeCount) && treeCount >= 1 && Number.isInteger(nodeCount) && nodeCount >= treeCount)) throw fail(`${treeCount} trees with ${nodeCount} nodes`);
  if (!(Number.isInteger(featureCount) && featureCount >= 1 && featureCount <= 32767)) throw fail(`featureCount ${featureCount}`);
  if (!Number.isFinite(json.baseScore)) throw fail(`baseScore ${json.baseScore}`);
  const ensemble: TreeEnsemble = {
    kind: json.kind,
    aggregation: json.aggregation,
    featureCount,
    baseScore: json.baseScore,
    roots: decode('roots', Int32Array, treeCount),
    feature: decode('feature', Int16Array, nodeCount),
    threshold: decode('threshold', Float32Array, nodeCount),
    left: decode('left', Int32Array, nodeCount),
    right: decode('right', Int32Array, nodeCount),
    value: decode('value', Float32Array, nodeCount),
  };
  for (const root of ensemble.roots) if (!(root >= 0 && root < nodeCount)) throw fail(`root ${root} is outside 0..${nodeCount - 1}`);
  for (let n = 0; n < nodeCount; n++) {
    const f = ensemble.feature[n];
    if (f === -1) continue;
    if (f < 0 || f >= featureCount) throw fail(`node ${n} splits on column ${f}, outside 0..${featureCount - 1}`);
    for (const child of [ensemble.left[n], ensemble.right[n]]) {
      if (!(child > n && child < nodeCount)) throw fail(`node ${n} has child ${child}; children must come after their parent and exist`);
    }
  }
  return ensemble;
}
