import { sequenceGraphToDraft, treeDocumentToDraft, type ModelDraft, type WeightPrecision } from '@candlecast/shared';
import { fromTfjsModel } from '../export/fromTfjsModel';
import { DeepTrainedModel } from '../training/DeepTrainedModel';
import type { TrainedModel } from '../training/ModelTrainer';
import { TreeModel } from '../trees/TreeModel';

/** A trained model as the artifact stores it, at a chosen weight precision (trees are exact). */
export type MemberExport = (precision: WeightPrecision) => ModelDraft;

/**
 * Converts a trained model into an artifact entry builder: deep models through the sequence graph
 * the edge kernels run (fromTfjsModel reads tfjs's layers and weights), trees as their flat arrays.
 */
export function exportMember(trained: TrainedModel): MemberExport {
  if (trained instanceof DeepTrainedModel) {
    const graph = fromTfjsModel(trained.model);
    return (precision) => sequenceGraphToDraft(graph, precision);
  }
  if (trained instanceof TreeModel) {
    const draft = treeDocumentToDraft(trained.toDocument());
    return () => draft;
  }
  throw new Error(`model "${trained.name}" has no artifact export`);
}
