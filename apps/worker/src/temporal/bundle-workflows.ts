/* Builds the production workflow bundle; exits non-zero (failing the build) if bundling fails. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_ENTRY, webpackConfigHook } from './workflow-source';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'dist/workflows/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_ENTRY, webpackConfigHook });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
