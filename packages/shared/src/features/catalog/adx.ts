import { ADX } from '../../indicators/ADX';
import { derivedFeature, type FeatureDefinition } from '../FeatureDefinition';

export const adx14: FeatureDefinition = {
  name: 'adx14',
  formula: 'ADX(14), Wilder smoothing, 0..100',
  create() {
    const adx = new ADX(14);
    return derivedFeature(adx.getRequiredInputs(), (candle) => adx.add(candle));
  },
};
