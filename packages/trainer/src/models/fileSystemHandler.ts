import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { CandlecastError } from '@candlecast/shared';
// Registers the custom layers, so a saved model that uses them can be deserialised.
import './layers/index';

/** File names inside a model folder. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/**
 * A tfjs IOHandler that keeps a model in a folder as `model.json` (topology + weights manifest,
 * the same layout `file://` of tfjs-node writes) and one `weights.bin` (float32 little-endian,
 * in manifest order). tfjs's own `file://` needs tfjs-node, which is optional; this needs nothing.
 */
export function fileSystemHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      if (artifacts.modelTopology instanceof ArrayBuffer) {
        throw new CandlecastError('unsupported_model', 'binary model topologies are not supported');
      }
      const weights = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, WEIGHTS_BIN), new Uint8Array(weights));
      await writeFile(join(dir, MODEL_JSON), `${JSON.stringify(modelJson)}\n`);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON({ ...artifacts, weightData: weights }) };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      let modelJson: tf.io.ModelJSON;
      try {
        modelJson = JSON.parse(await readFile(join(dir, MODEL_JSON), 'utf8')) as tf.io.ModelJSON;
      } catch (error) {
        throw new CandlecastError('model_not_found', `cannot read ${join(dir, MODEL_JSON)}: ${(error as Error).message}`);
      }
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const bytes = await readFile(join(dir, WEIGHTS_BIN));
        return [specs, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)];
      });
    },
  };
}

/** Saves a tfjs model into `dir` (model.json + weights.bin). */
export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(fileSystemHandler(dir));
}

/** Loads a model saved by saveLayersModel; the custom candlecast layers are registered first. */
export async function loadLayersModel(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileSystemHandler(dir));
}
