import { ADX } from '../../indicators/ADX';
import { derivedFeature, wilderMemory, type FeatureDefinition } from '../FeatureDefinition';

export const adx14: FeatureDefinition = {
  name: 'adx14',
  formula: 'ADX(14), Wilder smoothing, 0..100',
  // Directional movement is smoothed once, then DX again.
  memory: 1 + 2 * wilderMemory(14),
  create() {
    const adx = new ADX(14);
    return derivedFeature(adx.getRequiredInputs(), (candle) => adx.add(candle));
  },
};
