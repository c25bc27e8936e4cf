import { describe, expect, it } from 'vitest';
import { initialPlateauState, plateauStep, type PlateauSettings } from './Plateau';

const settings: PlateauSettings = { patience: 3, minDelta: 0.01, lrPatience: 2, lrFactor: 0.5, minLearningRate: 0.0003 };

describe('plateauStep', () => {
  it('tracks the best loss, cuts the learning rate after lrPatience flat epochs and stops after patience', () => {
    let state = initialPlateauState(0.001);
    const steps = [0.7, 0.695, 0.692, 0.685, 0.68].map((loss, i) => {
      const step = plateauStep(state, loss, i + 1, settings);
      state = step.state;
      return step;
    });
    // an improvement must beat the best by more than minDelta (0.01): only 0.685 does after 0.7
    expect(steps.map((s) => s.improved)).toEqual([true, false, false, true, false]);
    expect(steps.map((s) => s.reduced)).toEqual([false, false, true, false, false]);
    expect(state).toMatchObject({ bestLoss: 0.685, bestEpoch: 4, wait: 1, lrWait: 1, learningRate: 0.0005 });
    expect(steps.some((s) => s.stop)).toBe(false);
  });

  it('stops after `patience` epochs without improvement and never cuts below the minimum rate', () => {
    let step = plateauStep(initialPlateauState(0.001), 0.5, 1, settings);
    const decisions = [0.6, 0.6, 0.6].map((loss, i) => (step = plateauStep(step.state, loss, i + 2, settings)));
    expect(decisions.map((d) => d.stop)).toEqual([false, false, true]);
    let state = { ...step.state, learningRate: 0.0004, lrWait: 1 };
    state = plateauStep(state, 0.6, 5, settings).state;
    expect(state.learningRate).toBe(0.0003);
    expect(plateauStep({ ...state, lrWait: 1 }, 0.6, 6, settings).reduced).toBe(false);
  });
});
