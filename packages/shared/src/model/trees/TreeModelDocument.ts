import { CandlecastError } from '../../errors/CandlecastError';
import { checkTabularSpec } from '../tabular/TabularSpec';
import type { TabularSpec } from '../tabular/TabularSpec';
import { deserializeTreeEnsemble, type SerializedTreeEnsemble } from './serializeTreeEnsemble';
import type { TreeEnsemble } from './TreeEnsemble';

/**
 * A tree model as saved by the trainer and read by the edge: the tabular columns it reads and its
 * serialised trees, plus free-form training facts (options, tree count, scores).
 */
export interface TreeModelDocument {
  format: 'candlecast-tree-model';
  version: 1;
  /** Registry name: rf or gbdt. */
  name: string;
  tabular: TabularSpec;
  trees: SerializedTreeEnsemble;
  training?: Record<string, unknown>;
}

/** Reads a TreeModelDocument, checking the tabular spec and that the trees were trained on exactly those columns. */
export function readTreeModelDocument(json: TreeModelDocument): { name: string; tabular: TabularSpec; ensemble: TreeEnsemble } {
  if (json?.format !== 'candlecast-tree-model' || json.version !== 1) {
    throw new CandlecastError('invalid_trees', `tree model: format ${JSON.stringify(json?.format)} v${json?.version}, expected candlecast-tree-model v1`);
  }
  const tabular = checkTabularSpec(json.tabular);
  const ensemble = deserializeTreeEnsemble(json.trees);
  if (json.trees.inputHash !== tabular.hash || ensemble.featureCount !== tabular.columns.length) {
    throw new CandlecastError('invalid_trees', `tree model "${json.name}": trees read ${ensemble.featureCount} columns of spec ${String(json.trees.inputHash).slice(0, 12)}, the document's spec has ${tabular.columns.length} columns (${tabular.hash.slice(0, 12)})`);
  }
  return { name: json.name, tabular, ensemble };
}
