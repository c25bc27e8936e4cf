export { SignalEngine, type EngineOutput } from './SignalEngine';
export { sequenceGraphToDraft, sequenceGraphFromLoaded, SEQUENCE_GRAPH_KIND, type WeightPrecision } from './sequenceGraphEntry';
export { treeDocumentToDraft, treeDocumentFromLoaded, TREES_KIND } from './treeModelEntry';
