import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/SeededRandom';
import { identityColumns, packPanelMatrix } from './PanelMatrix';
import { multiplyPanels } from './multiplyPanels';

function randomValues(count: number, random: SeededRandom): Float32Array {
  return Float32Array.from({ length: count }, () => random.normal());
}

describe('multiplyPanels', () => {
  // rows 1-5 exercise the 2-row blocks and the odd tail row; columns 1, 8, 9, 17 the partial panels
  for (const [rows, depth, columns] of [[1, 3, 1], [2, 1, 8], [3, 7, 9], [5, 4, 17], [4, 16, 24]]) {
    it(`matches a plain triple loop for [${rows}, ${depth}] x [${depth}, ${columns}] with strides and offsets`, () => {
      const random = new SeededRandom(rows * 100 + columns);
      const weights = randomValues(depth * columns, random);
      const bias = randomValues(columns, random);
      const inputStride = depth + 2;
      const input = Array.from(randomValues(3 + rows * inputStride, random));
      const matrix = packPanelMatrix(weights, depth, columns, identityColumns(columns));
      const addend = Array.from({ length: matrix.paddedColumns }, (_, j) => (j < columns ? bias[j] : 0));
      const outStride = columns + 1;
      const out = new Array(2 + rows * outStride).fill(-7);
      multiplyPanels(matrix, input, 3, inputStride, rows, addend, 0, 0, out, 2, outStride, columns);
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < columns; j++) {
          let expected = bias[j];
          for (let k = 0; k < depth; k++) expected += input[3 + r * inputStride + k] * weights[k * columns + j];
          expect(out[2 + r * outStride + j]).toBeCloseTo(expected, 12);
        }
        // the gap between output rows is never written
        if (r < rows - 1) expect(out[2 + r * outStride + columns]).toBe(-7);
      }
      expect(out[0]).toBe(-7);
      expect(out[1]).toBe(-7);
    });
  }

  it('reorders and zero-fills columns as packPanelMatrix is told', () => {
    // source [2, 3]; packed columns: source 2, nothing, source 0
    const source = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const matrix = packPanelMatrix(source, 2, 3, [2, -1, 0]);
    const out = new Array(3).fill(0);
    multiplyPanels(matrix, Array.from([10, 1]), 0, 2, 1, new Array(8).fill(0), 0, 0, out, 0, 3, 3);
    expect(Array.from(out)).toEqual([10 * 3 + 6, 0, 10 * 1 + 4]);
  });
});
