/**
 * The allowed arrows between the parts of the code (README "Architecture"). `npm run deps:check`
 * fails the build on any violation. Written by pattern, so a new module under src/modules/ is
 * covered without editing this file.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two parts one: neither can be read, tested or changed alone. Move the shared part down (to src/platform or to the lower module).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-not-to-modules',
      severity: 'error',
      comment: 'src/platform is the floor every module stands on; it never reaches up into a feature module.',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-through-its-face',
      severity: 'error',
      comment:
        'A module reaches another module only through its face: src/modules/<m>/index.ts or src/modules/<m>/<name>.index.ts. Export what you need from the face instead of importing an inner file.',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|[^/]+[.]index)[.]ts$'],
      },
    },
    {
      name: 'migrations-not-to-src',
      severity: 'error',
      comment: 'A landed migration must keep its meaning: it never imports live code from src/ (copy the literal values instead).',
      from: { path: '^migrations/' },
      to: { path: '^src/' },
    },
    {
      name: 'web-not-to-src',
      severity: 'error',
      comment: 'The browser app talks to the API through the generated client only (web/src/shared/api), never through server code.',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'src-not-to-tests',
      severity: 'error',
      comment: 'Product code never depends on tests or benchmarks.',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve hides an arrow from these rules.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['(^|/)dist/', '^\\.data/', 'node_modules', '^web/src/shared/api/schema[.]d[.]ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: {
      dot: {
        collapsePattern: '^(src/modules/[^/]+|src/platform|src/config|node_modules/[^/]+)',
        // Darker arrows than the default, so the module picture in README reads at a glance.
        theme: { edge: { color: '#00000088', penwidth: '1.5' } },
      },
    },
  },
};
