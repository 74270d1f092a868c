/* Imported first by main.ts, before anything loads `http` or `pg`: the tracer has to patch them
 * when they are first required (both under @swc-node/register and in the compiled build). */
import { startTracing } from '@epw/observability';

startTracing('epw-worker');
