#!/usr/bin/env node
// Entry point for `npx backstory`: runs the TypeScript CLI through tsx so the CLI
// and the extension share the very same engine source.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
