import type { GraphTensor } from './SequenceGraph';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';

/** Returns `tensor.values` after checking that the tensor exists and has exactly `shape`. */
export function checkTensor(tensor: GraphTensor | undefined, shape: readonly number[], field: string): Float32Array {
  if (!tensor) throw new InvalidSequenceGraphError(field, `missing (expected shape [${shape.join(', ')}])`);
  if (!Array.isArray(tensor.shape)) throw new InvalidSequenceGraphError(field, `expected a shape array, got ${String(tensor.shape)}`);
  const same = tensor.shape.length === shape.length && tensor.shape.every((size, i) => size === shape[i]);
  if (!same) {
    throw new InvalidSequenceGraphError(field, `expected shape [${shape.join(', ')}], got [${tensor.shape.join(', ')}]`);
  }
  const size = shape.reduce((product, n) => product * n, 1);
  if (!(tensor.values instanceof Float32Array) || tensor.values.length !== size) {
    throw new InvalidSequenceGraphError(field, `expected a Float32Array of ${size} values, got ${describe(tensor.values)}`);
  }
  return tensor.values;
}

/** Checks a positive integer size such as `units`. */
export function checkSize(value: number, field: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new InvalidSequenceGraphError(field, `expected a positive integer, got ${value}`);
  return value;
}

function describe(values: unknown): string {
  if (values instanceof Float32Array) return `${values.length} values`;
  return values === null ? 'null' : typeof values === 'object' ? (values as object).constructor.name : typeof values;
}
