export { treeNodeCount, type TreeEnsemble } from './TreeEnsemble';
export { predictTreeRow, predictTrees, treeEnsembleScore } from './predictTrees';
export { deserializeTreeEnsemble, serializeTreeEnsemble, TREE_FORMAT_VERSION, type SerializedTreeEnsemble } from './serializeTreeEnsemble';
export { base64ToBytes, bytesToBase64 } from './base64';
export { readTreeModelDocument, type TreeModelDocument } from './TreeModelDocument';
