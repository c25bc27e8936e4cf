export * from './tabular/index';
export * from './trees/index';
export * from './ensemble/index';
export * from './calibration/index';
export * from './kernels/index';
