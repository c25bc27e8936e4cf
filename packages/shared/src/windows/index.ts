export { buildDataset, type Dataset, type DatasetOptions } from './buildDataset';
export { fitNormalisation, normaliseRows, rowsCoveredBy, type Normalisation } from './Normalisation';
export { materializeWindows } from './materializeWindows';
export { minimumCandles } from './minimumCandles';
export { NotEnoughCandlesError } from './NotEnoughCandlesError';
