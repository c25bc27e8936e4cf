// Wrangler (and the Workers vitest integration) turn an imported .wasm file into a compiled
// WebAssembly.Module; typed as shared's WasmModule so it can be handed to the engine.
declare module '*.wasm' {
  const module: import('@candlecast/shared/model/wasm').WasmModule;
  export default module;
}
