// The module every pool worker runs (beside index.ts, the package's other entry point):
// registers the worker tasks of each area that offloads work, then serves them. The
// worker layer (workers/) knows no feature area; each area exports a
// `register<Area>Tasks()` and is listed here — calls, not side-effect imports, so that
// bundlers honouring `"sideEffects": false` keep them. Rollup builds it to
// `dist/worker.js`, where `workers/internal/create-worker.js` looks for it
// (`new URL('../../worker.js', import.meta.url)`); the CDN bundle gets its own copy beside
// `classlens.js`.
import { registerSimilarityTasks } from './similarity/internal/worker-tasks.js';
import { serveTasks } from './workers/serve-tasks.js';

registerSimilarityTasks();
void serveTasks();
