/*
 * The fast CPU training engine for the recurrent reference models (LSTM, GRU): wasm SIMD kernels
 * compiled from ../../assembly on install, a plain-JS fallback, optional second thread. tfjs stays
 * the reference: parity tests bind the two, and weights move in and out in tfjs order.
 */
export { DEFAULT_ADAM, type AdamSettings, type AdamSnapshot } from './AdamState';
export { dropoutMask } from './dropoutMask';
export { FastEngineError } from './FastEngineError';
export { chooseFastModelStep, createFastModelStep, type FastModelStep, type FastModelStepOptions } from './FastModelStep';
export { createFastTrainer, FastTrainer, type FastStepResult, type FastTrainerOptions, type TrainingBatch } from './FastTrainer';
export { selectKernels, type KernelChoice, type KernelSelection } from './kernels/loadKernels';
export type { KernelKind } from './kernels/Kernels';
export { parameterLayout, type ParameterLayout, type RecurrentArchitecture, type RecurrentCell } from './RecurrentArchitecture';
export { dropoutLayerIndices, readModelWeights, recurrentArchitectureOf, writeModelWeights } from './tfjsInterop';
export { resolveThreads, type ThreadChoice } from './threads';
