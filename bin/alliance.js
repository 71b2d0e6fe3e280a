#!/usr/bin/env node
// The `alliance` command. Node 24 runs the TypeScript sources directly (type stripping).
import { run } from '../src/cli/main.ts';

await run();
