// The module every pool worker runs: registers the tasks of each area that offloads work,
// then serves them. Rollup builds it to dist/workers/worker-entry.js, beside
// worker-pool.js, which is where `new URL('./worker-entry.js', import.meta.url)` looks.
// To add an area's tasks: export a `register<Area>Tasks()` from the area and call it
// here (see docs/core/workers.md). Calls, not side-effect imports, so that bundlers
// honouring `"sideEffects": false` keep them.
import { registerSimilarityTasks } from '../similarity/internal/tasks.js';
import { serveTasks } from './serve-tasks.js';

registerSimilarityTasks();
void serveTasks();
