import { env } from 'cloudflare:workers';
import { artifactStoreContract } from '@candlecast/shared/artifact/testing';
import { R2Store } from './R2Store';

let stores = 0;

// Inside workerd, against the real MODELS binding; each store gets its own prefix, so it starts empty.
artifactStoreContract('R2Store (Workers R2 binding in workerd)', async () => new R2Store(env.MODELS, `contract-${++stores}`));
