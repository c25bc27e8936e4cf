/*
 * Entry of inference.wasm (AssemblyScript with SIMD, built by this package's `prepare` script):
 * the serving kernels the edge imports as a compiled module (Workers do not compile wasm from bytes
 * at run time). No runtime, no allocation: the host owns the memory above heapBase() and passes
 * byte pointers. src/model/kernels/LstmKernel.ts is the plain-TS twin and the fallback.
 */
export { gruSequence } from './gruSequence';
export { lstmSequence } from './lstmSequence';
import { PANEL } from './matvec';

/** Columns per recurrent weight panel: the host packs and pads to it. */
export function panelWidth(): i32 {
  return PANEL;
}

/** First byte the host may use (everything below belongs to the module's static data). */
export function heapBase(): usize {
  return __heap_base;
}
