// Entry of a gradient worker thread. The engine is TypeScript; tsx compiles it on the fly here as
// bin/candlecast.js does for the CLI (a worker does not inherit the parent's loader hooks).
import { register } from 'tsx/esm/api';

register();
await import('./gradientWorkerMain.ts');
