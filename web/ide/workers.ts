/**
 * Monaco's web workers, served from this origin: graphiql's own setup-workers modules import
 * them from esm.sh or through a bundler plugin, and nothing may load from a CDN here. The build
 * bundles each worker as its own file next to this script.
 */
const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };

window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return new Worker(`/assets/ide/${WORKERS[label] ?? 'editor.worker.js'}`);
  },
};

export {};
