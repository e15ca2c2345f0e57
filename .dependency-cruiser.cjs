/**
 * The layers of Cairn point one way (README, "How the code is laid out"):
 *
 *   domain  <-  entities, config  <-  data-source, seeds  <-  services  <-  graphql | http  <-  worker  <-  server  <-  main, cli
 *
 * A file may import its own layer and the layers below it, never one above; the two edges
 * (graphql and http) never import each other. `npm run lint:layers` checks it and `npm test`
 * runs it first, so a new back-arrow fails CI.
 */
const layer = {
  domain: '^src/domain/',
  entities: '^src/entities/',
  config: '^src/config\\.ts$',
  dataSource: '^src/data-source\\.ts$',
  migrations: '^migrations/',
  seeds: '^seeds/',
  services: '^src/services/',
  graphql: '^src/graphql/',
  http: '^src/http/',
  worker: '^src/worker/',
  server: '^src/server\\.ts$',
  cli: '^src/cli/',
  main: '^src/main\\.ts$',
};

/** What each layer may import from the project besides itself; everything else of src/, seeds/ and migrations/ is above it. */
const allowed = {
  domain: [],
  entities: ['domain'],
  config: ['domain'],
  migrations: [],
  dataSource: ['entities', 'migrations', 'config'],
  seeds: ['domain', 'entities'],
  services: ['domain', 'entities', 'config', 'dataSource'],
  graphql: ['domain', 'entities', 'config', 'services'],
  http: ['domain', 'entities', 'config', 'services'],
  worker: ['domain', 'entities', 'config', 'dataSource', 'services', 'graphql'],
  server: ['domain', 'entities', 'config', 'dataSource', 'services', 'graphql', 'http', 'worker'],
  cli: ['domain', 'entities', 'config', 'dataSource', 'seeds', 'services', 'graphql', 'http', 'worker', 'server'],
  main: ['domain', 'entities', 'config', 'dataSource', 'seeds', 'services', 'graphql', 'http', 'worker', 'server', 'cli'],
};

const project = Object.values(layer);

const layerRules = Object.entries(allowed).map(([name, below]) => ({
  name: `${name}-points-down`,
  comment: `${name} may import only ${below.length ? below.join(', ') : 'itself'} (and packages).`,
  severity: 'error',
  from: { path: layer[name] },
  to: { path: ['^src/', '^seeds/', '^migrations/'], pathNot: [layer[name], ...below.map((b) => layer[b])] },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'every-file-has-a-layer',
      comment: 'A file of src/ outside every layer would escape the rules above: give it a layer here first.',
      severity: 'error',
      from: { path: '^src/', pathNot: project },
      to: {},
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain rules are plain functions over plain values: no database, GraphQL or HTTP packages.',
      severity: 'error',
      from: { path: layer.domain },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'], pathNot: ['node_modules/luxon/'] },
    },
    {
      name: 'no-circular',
      comment: 'Files that import each other in a loop hide which one holds the rule.',
      severity: 'error',
      from: { path: project },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^dist/', '^web/', '^test/', '^bench/'] },
  },
};
