/*
 * The few WebAssembly APIs the kernels use, typed locally: the trainer's tsconfig has no DOM lib
 * and @types/node 20 does not declare the WebAssembly global.
 */

/** A compiled module (WebAssembly.Module). */
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
