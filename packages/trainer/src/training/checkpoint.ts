import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { CandlecastError } from '@candlecast/shared';
import { loadLayersModel, saveLayersModel } from '../models/fileSystemHandler';
import type { DeepConfig } from './DeepConfig';
import type { EpochRecord } from './EpochRecord';
import type { PlateauState } from './Plateau';

/** Where checkpoints live inside a model's work folder. */
export const BEST_CHECKPOINT = join('checkpoints', 'best');
export const LAST_CHECKPOINT = join('checkpoints', 'last');

/** Everything besides tensors that a resumed run needs (checkpoints/last/state.json). */
export interface CheckpointState {
  model: string;
  /** Epochs completed. */
  epoch: number;
  plateau: PlateauState;
  history: EpochRecord[];
  config: DeepConfig;
  seed: number;
  trainSamples: number;
  validationSamples: number;
  /** Training seconds spent before the interruption (for the time budget). */
  elapsedSeconds: number;
}

/** Writes the best model (a loadable model folder) to `<workDir>/checkpoints/best`. */
export async function saveBestCheckpoint(model: tf.LayersModel, workDir: string): Promise<void> {
  await replaceFolder(join(workDir, BEST_CHECKPOINT), (dir) => saveLayersModel(model, dir));
}

/**
 * Writes the state after an epoch to `<workDir>/checkpoints/last`: model, Adam's moments and
 * iteration count (optimizer.json + optimizer.bin), and state.json. The folder is written aside
 * and swapped in, so an interruption while writing never leaves a half-written checkpoint.
 */
export async function saveLastCheckpoint(model: tf.LayersModel, optimizer: tf.Optimizer, state: CheckpointState, workDir: string): Promise<void> {
  const named = await optimizer.getWeights();
  const { data, specs } = await tf.io.encodeWeights(named);
  named[0]?.tensor.dispose(); // the iteration count is a fresh scalar; the moments are the optimizer's own variables
  await replaceFolder(join(workDir, LAST_CHECKPOINT), async (dir) => {
    await saveLayersModel(model, dir);
    await writeFile(join(dir, 'optimizer.bin'), new Uint8Array(tf.io.CompositeArrayBuffer.join(data)));
    await writeFile(join(dir, 'optimizer.json'), `${JSON.stringify(specs)}\n`);
    await writeFile(join(dir, 'state.json'), `${JSON.stringify(state)}\n`);
  });
}

/** True when `<workDir>` holds a last checkpoint to resume from. */
export function hasCheckpoint(workDir: string): boolean {
  return existsSync(join(workDir, LAST_CHECKPOINT, 'state.json'));
}

/** What must match between a checkpoint and the run that resumes it. */
export type CheckpointIdentity = Omit<CheckpointState, 'epoch' | 'plateau' | 'history' | 'elapsedSeconds'>;

/**
 * Restores a last checkpoint into `model` and `optimizer` (built the same way) and returns its
 * state plus the best weights so far (caller disposes them). A checkpoint of another model,
 * architecture, seed or data size is refused before anything is loaded.
 */
export async function restoreCheckpoint(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  workDir: string,
  expected: CheckpointIdentity,
): Promise<{ state: CheckpointState; bestWeights: tf.Tensor[] | null }> {
  const dir = join(workDir, LAST_CHECKPOINT);
  const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as CheckpointState;
  checkResumable(state, expected, workDir);
  await copyWeights(dir, model);
  const specs = JSON.parse(await readFile(join(dir, 'optimizer.json'), 'utf8')) as tf.io.WeightsManifestEntry[];
  const bytes = await readFile(join(dir, 'optimizer.bin'));
  const decoded = tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), specs);
  await optimizer.setWeights(specs.map((spec) => ({ name: spec.name, tensor: decoded[spec.name] })));
  tf.dispose(Object.values(decoded));
  let bestWeights: tf.Tensor[] | null = null;
  if (existsSync(join(workDir, BEST_CHECKPOINT, 'model.json'))) {
    const best = await loadLayersModel(join(workDir, BEST_CHECKPOINT));
    bestWeights = best.getWeights().map((w) => w.clone());
    best.dispose();
  }
  return { state, bestWeights };
}

function checkResumable(state: CheckpointState, expected: CheckpointIdentity, workDir: string): void {
  const mismatch = (field: string, saved: unknown, now: unknown) =>
    new CandlecastError('checkpoint_mismatch', `cannot resume from ${join(workDir, LAST_CHECKPOINT)}: ${field} was ${JSON.stringify(saved)}, now ${JSON.stringify(now)}`);
  if (state.model !== expected.model) throw mismatch('model', state.model, expected.model);
  if (JSON.stringify(state.config.model) !== JSON.stringify(expected.config.model)) throw mismatch('config.model', state.config.model, expected.config.model);
  if (state.seed !== expected.seed) throw mismatch('seed', state.seed, expected.seed);
  if (state.trainSamples !== expected.trainSamples) throw mismatch('trainSamples', state.trainSamples, expected.trainSamples);
  if (state.validationSamples !== expected.validationSamples) throw mismatch('validationSamples', state.validationSamples, expected.validationSamples);
}

async function copyWeights(dir: string, model: tf.LayersModel): Promise<void> {
  const saved = await loadLayersModel(dir);
  model.setWeights(saved.getWeights());
  saved.dispose();
}

async function replaceFolder(target: string, write: (dir: string) => Promise<void>): Promise<void> {
  const staging = `${target}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await write(staging);
  await rm(target, { recursive: true, force: true });
  await rename(staging, target);
}
