export { artifactStoreContract, type ContractOptions } from './artifactStoreContract';
export { sampleArtifactDraft } from './sampleArtifactDraft';
