/** Messages between the bench and the probe preloaded into its API and worker processes. */
export type ProbeQuestion =
  | { kind: 'stats' }
  /** SQL statements sent since the process started, by statement text (parameters apart). */
  | { kind: 'sql-breakdown' }
  /** Keeps the statements (text and parameters) whose text matches `pattern` until capture-stop. */
  | { kind: 'capture-start'; pattern: string }
  | { kind: 'capture-stop' }
  | { kind: 'profile-start' }
  | { kind: 'profile-stop' }
  /** Ends the process with exit code 0, so `node --cpu-prof` writes its profiles (a signal would
   * end it without). */
  | { kind: 'exit' };

export type ProbeRequest = ProbeQuestion & { id: number };

export type ProbeReply =
  | {
      id: number;
      kind: 'stats';
      /** SQL statements sent since the process started. */
      sql: number;
      /** User + system CPU since the process started. */
      cpuMicros: number;
      rssMb: number;
      heapMb: number;
      /** Event-loop active and idle ms since the process started. */
      eluActive: number;
      eluIdle: number;
    }
  /** `at`: process.hrtime in µs, the clock of the profiles `node --cpu-prof` writes. */
  | { id: number; kind: 'done'; at: number }
  | { id: number; kind: 'sql-breakdown'; counts: Record<string, number> }
  | { id: number; kind: 'captured'; statements: { text: string; values: unknown[] }[] }
  | { id: number; kind: 'error'; message: string };

export type ProbeStats = Extract<ProbeReply, { kind: 'stats' }>;
