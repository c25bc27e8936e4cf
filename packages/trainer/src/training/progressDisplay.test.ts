import { describe, expect, it } from 'vitest';
import { createProgressDisplay, duration } from './progressDisplay';

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const display = createProgressDisplay({ isTTY, write: (text: string) => chunks.push(text) });
  display.progress({ model: 'lstm', epoch: 1, epochs: 5, message: 'batch 10/10', metrics: { batch: 10, batches: 10, loss: 0.69, accuracy: 0.52, samplesPerSecond: 40, seconds: 16 } });
  display.progress({
    model: 'lstm',
    epoch: 1,
    epochs: 5,
    message: 'epoch',
    metrics: { loss: 0.69, accuracy: 0.52, valLoss: 0.7, valAccuracy: 0.51, learningRate: 0.001, samplesPerSecond: 40, seconds: 20, best: 1 },
  });
  display.progress({ model: 'lstm', epoch: 1, epochs: 5, message: 'learning rate reduced to 5.00e-4' });
  display.close();
  return chunks.join('');
}

describe('createProgressDisplay', () => {
  it('updates one line in place on a TTY and prints each epoch as a permanent line', () => {
    const text = capture(true);
    expect(text).toContain('\r\x1b[2Klstm  epoch 1/5  batch 10/10  loss 0.6900  acc 52.0%  40.0 samples/s  ETA 0s');
    expect(text).toContain('lstm  epoch 1/5  loss 0.6900  acc 52.0%  val loss 0.7000  val acc 51.0%  lr 1.0e-3  40.0 samples/s  20s  *best\n');
    expect(text).toContain('lstm  epoch 1/5  learning rate reduced to 5.00e-4\n');
  });

  it('leaves the live line out without a TTY', () => {
    const text = capture(false);
    expect(text).not.toContain('batch 10/10');
    expect(text).not.toContain('\r');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('formats durations', () => {
    expect([duration(42), duration(185), duration(3720)]).toEqual(['42s', '3m05s', '1h02m']);
  });
});
