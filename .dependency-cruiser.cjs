/**
 * Import boundaries (npm run lint): see docs/ARCHITECTURE.md "Boundaries".
 * - platform/ never imports modules/ (nor app/);
 * - a module imports another module only through its index.ts;
 * - only main/ (and tests, e2e, bench) import app/, the composition root;
 * - no circular imports, in the server and in the web app.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-not-to-modules',
      comment: 'The platform is below the modules: it never imports one.',
      severity: 'error',
      from: { path: '^server/src/platform/' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'modules-through-index',
      comment: "A module uses another module only through that module's index.ts.",
      severity: 'error',
      // Tests may build fixtures with another module's pure domain helpers.
      from: { path: '^server/src/modules/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/modules/([^/]+)/', pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'only-main-imports-app',
      comment: 'app/ is the composition root: only the entry points in main/ (and tests, e2e, bench) import it.',
      severity: 'error',
      from: { path: '^(server/src|web/src|contracts)/', pathNot: ['^server/src/(main|app)/', '\\.test\\.ts$', '\\.bench\\.ts$', '^server/src/modules/[^/]+/[^/]+-worker\\.ts$'] },
      to: { path: '^server/src/app/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles (type-only imports included: they still couple the files).',
      severity: 'error',
      from: { path: '^(server|web|contracts)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^web/dist', '^build/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
