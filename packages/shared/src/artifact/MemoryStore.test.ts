import { MemoryStore } from './MemoryStore';
import { artifactStoreContract } from './testing/artifactStoreContract';

artifactStoreContract('MemoryStore', async () => new MemoryStore());
