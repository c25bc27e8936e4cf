import { loadArtifact, readTag, type ArtifactStore } from '@candlecast/shared';
import type { WasmModule } from '@candlecast/shared/model/wasm';
import { EngineSignalModel } from '../engine/EngineSignalModel';
import type { SignalModel } from '../engine/SignalModel';
import type { ArtifactSource, TagPointer } from './ArtifactSource';

/**
 * Tags and artifacts from any ArtifactStore: R2 in Workers, a folder or S3 in Node. Loading reads
 * the manifest and every blob, verifies lengths and sha256 against the version id, and builds the
 * engine before returning, so the registry only ever swaps in a complete, verified model. `wasm`
 * (the compiled inference.wasm, where the runtime has it) runs the LSTM layers in wasm SIMD.
 */
export class StoreArtifactSource implements ArtifactSource {
  constructor(
    private readonly store: ArtifactStore,
    private readonly wasm: WasmModule | null = null,
  ) {}

  async resolveTag(tag: string): Promise<TagPointer | null> {
    const state = await readTag(this.store, tag);
    return state ? { version: state.pointer.version, ...(state.pointer.percent !== undefined ? { percent: state.pointer.percent } : {}) } : null;
  }

  async load(version: string): Promise<SignalModel> {
    return new EngineSignalModel(await loadArtifact(this.store, version), this.wasm);
  }
}
