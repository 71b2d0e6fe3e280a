#!/usr/bin/env -S node --max-semi-space-size=8
// The `alliance` command. Node 24 runs the TypeScript sources directly (type stripping).
// A small young generation keeps long imports' memory flat (see bench/run.ts): V8 would
// otherwise grow it to 128 MB under an import's allocation rate.
import { run } from '../src/cli/main.ts';

await run();
