import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'worker_threads',
  'dns',
  'stream',
  'zlib',
  'process',
  'timers',
  'events',
  'util',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.nx/**',
      'coverage/**',
      'libs/data-access/src/generated/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']",
          message: 'No focused tests.',
        },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // System tests boot the real apps in-process through their factories.
          allow: ['../../apps/api/src/**', '../../apps/worker/src/**'],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'] },
            {
              sourceTag: 'type:workflows',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
            },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:config'],
            },
            {
              sourceTag: 'type:temporal',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:config'],
            },
            { sourceTag: 'type:documents', onlyDependOnLibsWithTags: ['type:domain'] },
            {
              sourceTag: 'type:notifications',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:contracts',
                'type:config',
                'type:data-access',
              ],
            },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            {
              sourceTag: 'scope:worker',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'type:workflows'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
            // The web app talks to the API through the client generated from its OpenAPI document.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Workflow code is replayed: no I/O, no Node APIs, no clocks or randomness. The bundle also holds
    // domain and contracts (workflows import them), so the same rules apply there; a domain rule
    // that needs the time or an id takes it as a parameter.
    files: ['workflows/**/*.ts', 'libs/domain/src/**/*.ts', 'libs/contracts/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.test.ts', '**/*.spec-helper.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'Code bundled into workflows must not use Node APIs.',
            })),
            ...nodeBuiltins.map((name) => ({
              name: `node:${name}`,
              message: 'Code bundled into workflows must not use Node APIs.',
            })),
          ],
          patterns: [
            {
              group: [
                '@prisma/*',
                '@nestjs/*',
                'bullmq',
                'ioredis',
                '@epw/data-access',
                '@epw/config',
                '@epw/temporal',
              ],
              message:
                'Code bundled into workflows imports only @temporalio/workflow, contracts and domain.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            'Use workflow time (workflowInfo, activity results) or take the instant as a parameter, not Date.now().',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use workflow time or take the instant as a parameter, not new Date().',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Use uuid4() from @temporalio/workflow, or take the value as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='console']",
          message: 'Use log from @temporalio/workflow.',
        },
      ],
    },
  },
  {
    // One write path: the apps reach PostgreSQL only through the repositories of
    // libs/data-access, which write every change with its audit entry (recordOnce). Prisma's
    // client, namespace and generated types stay inside that library.
    files: ['apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@epw/data-access',
              importNames: [
                'PrismaService',
                'PrismaClient',
                'Prisma',
                'Role',
                'ClusterRole',
                'PeriodKind',
              ],
              message:
                'Apps use the repositories of @epw/data-access, not Prisma: add an intent-named repository method (with its audit entry if it writes).',
            },
          ],
          patterns: [
            {
              group: ['@prisma/*', '**/generated/prisma/**', '**/libs/data-access/src/**'],
              message: 'Apps use the repositories of @epw/data-access, not Prisma.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app: React's rules of hooks (and the React Compiler's checks) on top of the above.
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The web app's API layer names the API's shapes after the generated OpenAPI schema only, so a
    // changed response DTO shows up as a type error instead of a stale hand-written copy.
    files: ['apps/web/src/api/**/*.ts'],
    ignores: ['apps/web/src/api/schema.d.ts', 'apps/web/src/api/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSInterfaceDeclaration',
          message:
            "API shapes come from the generated schema (npm run web:api): alias components['schemas'][...]; client-only types live outside src/api.",
        },
        {
          selector: 'TSTypeAliasDeclaration > TSTypeLiteral',
          message:
            "API shapes come from the generated schema (npm run web:api): alias components['schemas'][...]; client-only types live outside src/api.",
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
