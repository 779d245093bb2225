/** Module boundaries (docs/ARCHITECTURE.md): checked by `npm run lint:deps` in `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      comment: 'The shared kernel knows no domain words.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|cli)/|^src/server\\.ts$' },
    },
    {
      name: 'modules-only-through-index',
      comment: 'A module is reached only through its index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.+', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-reaches-modules-through-index',
      severity: 'error',
      from: { path: '^src/(cli|server\\.ts)', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/modules/[^/]+/.+', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'nothing-imports-analytics',
      severity: 'error',
      from: { pathNot: '^src/modules/analytics/|^src/server\\.ts$|^src/cli/' },
      to: { path: '^src/modules/analytics/' },
    },
    {
      name: 'web-imports-no-server-code',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(src|test|bench)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true, viaOnly: { pathNot: '\\.d\\.ts$' } } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
