/** Default task queue of the emulation workflows; tests run on their own queue via config. */
export const DEFAULT_TASK_QUEUE = 'emulation';
