/* Compiles the API and the worker to plain CommonJS in dist/ with swc, file by file, with the same
 * options @swc-node/register uses in development (legacy decorators and their metadata, which
 * NestJS's dependency injection and the DTO validation read; ES2022 class fields; kept class names):
 *   apps/api/src/**      → dist/apps/api/**      (entry dist/apps/api/main.js)
 *   apps/worker/src/**   → dist/apps/worker/**   (entry dist/apps/worker/main.js)
 *   libs/<name>/src/**   → dist/libs/<name>/**
 * Each tree keeps its depth below the repository root (dist/ replaces src/), so paths computed from
 * __dirname still reach the same places. The tsconfig aliases (`@epw/<name>`) become relative
 * requires; node_modules (Prisma's client runtime, the Temporal native core) stay external.
 * Usage: compile-apps.ts [outDir=dist] */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformFile, type Options } from '@swc/core';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const LIBS = readdirSync(path.join(ROOT, 'libs')).filter((name) => name !== 'testing');
const TREES: { from: string; to: string }[] = [
  { from: 'apps/api/src', to: 'apps/api' },
  { from: 'apps/worker/src', to: 'apps/worker' },
  ...LIBS.map((name) => ({ from: `libs/${name}/src`, to: `libs/${name}` })),
];

const swcOptions: Options = {
  swcrc: false,
  sourceMaps: true,
  inlineSourcesContent: false,
  isModule: true,
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    keepClassNames: true,
    externalHelpers: false,
  },
  module: { type: 'commonjs', noInterop: false },
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    const compiled = entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts');
    return compiled && !/\.(spec|test|int-spec)\.ts$/.test(entry.name) ? [file] : [];
  });
}

/** `require("@epw/<name>")` → the relative path of that library's compiled index. */
function resolveAliases(code: string, outFile: string): string {
  return code.replace(/require\("@epw\/([\w.-]+)"\)/g, (_match, name: string) => {
    if (!LIBS.includes(name)) {
      throw new Error(`${path.relative(OUT, outFile)}: @epw/${name} is not part of the build`);
    }
    let rel = path.relative(path.dirname(outFile), path.join(OUT, 'libs', name, 'index'));
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `require(${JSON.stringify(rel.split(path.sep).join('/'))})`;
  });
}

async function compile(file: string, from: string, to: string): Promise<void> {
  const outFile = path
    .join(OUT, to, path.relative(path.join(ROOT, from), file))
    .replace(/\.ts$/, '.js');
  const { code, map } = await transformFile(file, {
    ...swcOptions,
    filename: file,
    sourceFileName: path.relative(path.dirname(outFile), file),
  });
  const resolved = resolveAliases(code, outFile);
  // An alias in any other form would stay unresolved at run time: fail the build instead.
  const left = /\(\s*["'`]@epw\/[\w.-]+["'`]/.exec(resolved);
  if (left) throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${left[0]}`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${resolved}\n//# sourceMappingURL=${path.basename(outFile)}.map\n`);
  if (map) writeFileSync(`${outFile}.map`, map);
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const { to } of TREES) rmSync(path.join(OUT, to), { recursive: true, force: true });
  const jobs = TREES.flatMap(({ from, to }) =>
    sources(path.join(ROOT, from)).map((file) => ({ file, from, to })),
  );
  // swc runs each transform on its own thread pool; a bounded batch keeps memory flat.
  for (let i = 0; i < jobs.length; i += 64) {
    await Promise.all(jobs.slice(i, i + 64).map((j) => compile(j.file, j.from, j.to)));
  }
  console.log(
    `compiled ${jobs.length} files → ${path.relative(ROOT, OUT) || '.'}/{apps/api,apps/worker,libs} in ${Date.now() - started} ms`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
