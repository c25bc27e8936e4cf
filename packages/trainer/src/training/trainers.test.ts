import { describe, expect, it } from 'vitest';
import { resolveModels, TRAINERS } from './trainers';

describe('TRAINERS', () => {
  it('registers the four deep models by name', () => {
    expect(Object.keys(TRAINERS)).toEqual(expect.arrayContaining(['lstm', 'gru', 'lstm-attention', 'transformer']));
    for (const name of ['lstm', 'gru', 'lstm-attention', 'transformer']) {
      expect(TRAINERS[name]).toMatchObject({ name, family: 'deep' });
      expect(TRAINERS[name].description.length).toBeGreaterThan(10);
    }
  });

  it('resolves names in the given order and lists the known names for an unknown one', () => {
    expect(resolveModels(['transformer', 'lstm']).map((t) => t.name)).toEqual(['transformer', 'lstm']);
    expect(() => resolveModels(['lstm', 'cnn'])).toThrow(/unknown model "cnn"; known: lstm, gru, lstm-attention, transformer/);
    expect(() => resolveModels(['constructor'])).toThrow(/unknown model "constructor"/);
    expect(() => resolveModels([])).toThrow(/no models named; known: lstm/);
  });
});
