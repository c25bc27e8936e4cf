import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CandlecastError,
  fillTabular,
  predictTrees,
  readTreeModelDocument,
  serializeTreeEnsemble,
  type Dataset,
  type TabularSpec,
  type TreeEnsemble,
  type TreeModelDocument,
} from '@candlecast/shared';
import type { TrainedModel } from '../training/ModelTrainer';

/** The file a tree model is saved as inside its directory (with metrics.json beside it, as every model writes). */
export const TREE_MODEL_FILE = 'trees.json';

/**
 * A trained random forest or boosted ensemble. It predicts exactly as the edge does: tabular rows
 * from the (normalised) dataset, then the shared flat-tree kernel.
 */
export class TreeModel implements TrainedModel {
  readonly family = 'tree' as const;

  constructor(
    readonly name: string,
    readonly tabular: TabularSpec,
    readonly ensemble: TreeEnsemble,
    /** Facts about training worth keeping (options, trees, scores); saved with the model. */
    readonly training: Record<string, unknown> = {},
  ) {}

  async predict(dataset: Dataset, samples: readonly number[]): Promise<Float32Array> {
    return predictTrees(this.ensemble, fillTabular(this.tabular, dataset, samples), samples.length);
  }

  /** The JSON document the artifact carries. */
  toDocument(): TreeModelDocument {
    return {
      format: 'candlecast-tree-model',
      version: 1,
      name: this.name,
      tabular: this.tabular,
      trees: serializeTreeEnsemble(this.ensemble, this.tabular.hash),
      training: this.training,
    };
  }

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, TREE_MODEL_FILE), `${JSON.stringify(this.toDocument())}\n`);
    await writeFile(join(dir, 'metrics.json'), `${JSON.stringify({ model: this.name, family: this.family, ...this.training }, null, 2)}\n`);
  }

  dispose(): void {}
}

/** Loads a tree model saved by `TreeModel.save`; errors name the file. */
export async function loadTreeModel(dir: string): Promise<TreeModel> {
  const path = join(dir, TREE_MODEL_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CandlecastError('model_not_found', `cannot read ${path}: ${(error as Error).message}`);
  }
  let document: TreeModelDocument;
  try {
    document = JSON.parse(text) as TreeModelDocument;
  } catch (error) {
    throw new CandlecastError('invalid_trees', `${path}: not valid JSON (${(error as Error).message})`);
  }
  const { name, tabular, ensemble } = readTreeModelDocument(document);
  return new TreeModel(name, tabular, ensemble, document.training ?? {});
}
