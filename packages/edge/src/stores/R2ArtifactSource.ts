import type { SignalModel } from '../engine/SignalModel';
import type { ArtifactSource, TagPointer } from '../registry/ArtifactSource';

/** Reads tag pointers and artifacts from an R2 bucket (the MODELS binding). */
export class R2ArtifactSource implements ArtifactSource {
  constructor(
    private readonly bucket: R2Bucket,
    private readonly prefix = '',
  ) {}

  async resolveTag(tag: string): Promise<TagPointer | null> {
    const object = await this.bucket.get(`${this.prefix}tags/${tag}.json`);
    if (!object) return null;
    return (await object.json()) as TagPointer;
  }

  async load(version: string): Promise<SignalModel> {
    throw new Error(`loading artifact ${version} from R2 is not wired yet`);
  }
}
