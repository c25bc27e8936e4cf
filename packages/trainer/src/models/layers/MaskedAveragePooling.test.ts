import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/selectBackend';
import { MASK_VALUE } from '../historyPadding';
import { LastStep } from './LastStep';
import { MaskedAveragePooling } from './MaskedAveragePooling';

describe('MaskedAveragePooling and LastStep', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('averages only the real steps, and LastStep returns the newest step', () => {
    const input = tf.input({ shape: [3, 2] });
    const masked = tf.layers.masking({ maskValue: MASK_VALUE }).apply(input) as tf.SymbolicTensor;
    const model = tf.model({
      inputs: input,
      outputs: [new MaskedAveragePooling().apply(masked) as tf.SymbolicTensor, new LastStep().apply(masked) as tf.SymbolicTensor],
    });
    const x = tf.tensor3d([[[MASK_VALUE, MASK_VALUE], [1, 2], [3, 6]], [[1, 1], [2, 2], [6, 3]]]);
    const [mean, last] = model.predict(x) as tf.Tensor[];
    expect(mean.arraySync()).toEqual([[2, 4], [3, 2]]);
    expect(last.arraySync()).toEqual([[3, 6], [6, 3]]);
    tf.dispose([x, mean, last]);
    model.dispose();
  });

  it('averages every step without a mask', () => {
    const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [2, 1] }), new MaskedAveragePooling()] });
    const output = tf.tidy(() => (model.predict(tf.tensor3d([[[1], [4]]])) as tf.Tensor).arraySync());
    expect(output).toEqual([[2.5]]);
    model.dispose();
  });
});
