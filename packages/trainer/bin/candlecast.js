#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so the repo needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
