export { InferenceWasm } from './InferenceWasm';
export { WasmGruKernel, wasmGruSupports } from './WasmGruKernel';
export { WasmLstmKernel, wasmLstmSupports } from './WasmLstmKernel';
export { webAssembly, WASM_PAGE_BYTES, type WasmMemory, type WasmModule } from './webAssembly';
