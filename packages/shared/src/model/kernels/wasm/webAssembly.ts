/*
 * The few WebAssembly APIs the wasm kernels use, typed locally: shared compiles against ES2022 only
 * (no DOM or Workers lib) and @types/node 20 does not declare the WebAssembly global.
 */

/** A compiled module (WebAssembly.Module): on Workers, what importing a `.wasm` file gives. */
export interface WasmModule {
  readonly compiledWasm: unique symbol;
}

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}

/** The runtime's WebAssembly object, or undefined where there is none. */
export const webAssembly = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Bytes per wasm memory page. */
export const WASM_PAGE_BYTES = 65536;
