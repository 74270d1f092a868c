import path from 'node:path';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import type { AppConfig } from '@epw/config';

const ROOT = path.resolve(__dirname, '../../../..');

/** The one file that exports every workflow (the bundle's entry point). */
export const WORKFLOWS_ENTRY = path.join(ROOT, 'workflows', 'index.ts');

/** Workflow code may import @epw/contracts and @epw/domain: teach webpack the tsconfig paths. */
export const webpackConfigHook: NonNullable<BundleOptions['webpackConfigHook']> = (config) => {
  const alias = {
    '@epw/contracts': path.join(ROOT, 'libs/contracts/src/index.ts'),
    '@epw/domain': path.join(ROOT, 'libs/domain/src/index.ts'),
  };
  config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } };
  return config;
};

/** Production runs the prebuilt bundle (built and checked by `npm run build:workflows`); development
 * and tests bundle from source at start. */
export function workflowSource(
  config: AppConfig,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  if (config.env === 'production') {
    return { workflowBundle: { codePath: path.resolve(ROOT, config.worker.workflowBundlePath) } };
  }
  return { workflowsPath: WORKFLOWS_ENTRY, bundlerOptions: { webpackConfigHook } };
}
