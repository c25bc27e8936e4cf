import { MFI } from '../../indicators/MFI';
import { derivedFeature, type FeatureDefinition } from '../FeatureDefinition';

export const mfi14: FeatureDefinition = {
  name: 'mfi14',
  formula: 'MFI(14), 0..100; 50 when there was no money flow',
  create() {
    const mfi = new MFI(14);
    return derivedFeature(mfi.getRequiredInputs(), (candle) => mfi.add(candle));
  },
};
