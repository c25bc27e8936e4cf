/*
 * Entry of kernels.wasm (AssemblyScript, compiled with SIMD by `npm run build:kernels`): the
 * heavy loops of the fast recurrent (LSTM, GRU) trainer in src/fast. No runtime, no allocation:
 * the host owns the memory above heapBase() and passes byte pointers.
 * src/fast/kernels/jsKernels.ts is the plain-JS twin.
 */
export { gemm } from '../../shared/assembly/gemm';
export { gruBackwardOutput, gruBackwardReset, gruGates, gruOutput } from './gruCell';
export { lstmBackwardStep, lstmForwardStep } from './lstmCell';
export { adam, addTo, columnSums, multiply, repeatRow } from './vectorOps';

/** First byte the host may use (everything below belongs to the module's static data). */
export function heapBase(): usize {
  return __heap_base;
}
