/* Builds the production workflow bundle that the worker loads when NODE_ENV=production (see
 * workflow-source.ts); exits non-zero (failing the build) if bundling fails. `npm run build` runs
 * it through scripts/lib.sh's ensure_build. Usage: bundle-workflows.ts [out], by default
 * dist/workflows/workflow-bundle.js of the repository (WORKFLOW_BUNDLE_PATH's default). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_TRACING_INTERCEPTOR_MODULES } from '@epw/observability';
import { WORKFLOWS_ENTRY, webpackConfigHook } from './workflow-source';

const ROOT = path.resolve(__dirname, '../../../..');

async function main(): Promise<void> {
  const out = process.argv[2]
    ? path.resolve(process.argv[2])
    : path.join(ROOT, 'dist/workflows/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_ENTRY,
    // OpenTelemetry spans of workflows (handed out through the worker's sink; dropped when off).
    workflowInterceptorModules: [...WORKFLOW_TRACING_INTERCEPTOR_MODULES],
    webpackConfigHook,
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
