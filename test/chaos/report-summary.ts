import type { ChaosReport } from './chaos-runner';
import { FAULT_KINDS } from './trial-plan';

/** The Markdown summary saved next to a run's JSON report. */
export function renderSummary(r: ChaosReport): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const byFault = FAULT_KINDS.map((fault) => {
    const rows = r.trialResults.filter((t) => t.fault === fault);
    const outcomes = rows.reduce<Record<string, number>>(
      (acc, t) => ({ ...acc, [t.outcome]: (acc[t.outcome] ?? 0) + 1 }),
      {},
    );
    const mean = rows.length ? rows.reduce((n, t) => n + t.durationMs, 0) / rows.length : 0;
    return `| ${fault} | ${rows.length} | ${Object.entries(outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} | ${rows.reduce((n, t) => n + t.ackedAfterRetry, 0)} | ${rows.reduce(
      (n, t) => n + t.violations,
      0,
    )} | ${s(mean)} |`;
  });
  const violations = r.violations.length
    ? r.violations.map((v) => `- trial ${v.trial}: **${v.invariant}**: ${v.detail}`).join('\n')
    : 'None.';
  return `# Chaos run ${r.startedAt.slice(0, 10)}: ${r.totals.violations} violations in ${r.trials} trials

- Seed **${r.seed}** (reproduce the plans: \`npm run chaos -- --seed ${r.seed} --trials ${r.plannedTrials} --lanes ${r.lanes}\`; one trial alone: add \`--only <trial> --lanes 1\`)
- ${r.trials} trials in ${r.lanes} lanes, ${s(r.durationMs)} in all (setup ${s(r.setupMs)}), ${r.startedAt} → ${r.finishedAt}
- Scenarios (${Object.entries(r.totals.scenarios)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}), all through HTTP: a ${r.formCode} nomination (create → unit head →
  appraisal → 5 council ballots, 80% of all members → decision draft → issue; idle variants let
  the unit head's deadline pass, with reminders and an escalation, or leave the fifth ballot out so
  the vote closes at its deadline), and a 12-unit pledge-signing round (open → 12 signatures in a
  seeded order → countersign; the idle variant has the last 2 units sign after the round went
  overdue).
- Isolated system: Temporal dev server :${r.system.ports.temporal} (SQLite file), Redis :${r.system.ports.redis} (AOF),
  PostgreSQL :${r.system.ports.postgres}, API :${r.system.ports.api}; BullMQ lock ${r.system.queueLockMs} ms, reconcile every ${r.system.reconcileMs} ms.
- Actions: ${r.totals.acked} acknowledged (${r.totals.ackedAfterRetry} only after a retry with the same key), ${r.totals.refused} refused, ${r.totals.unanswered} unanswered.
- Faults injected: ${r.totals.faultWindows}, system degraded for ${s(r.totals.faultDowntimeMs)} in all.
- Outcomes: ${Object.entries(r.totals.outcomes)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}; idle variants: ${Object.entries(r.totals.idle)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}.

| fault | trials | outcomes | acked after retry | violations | mean trial time |
| ----- | -----: | -------- | ----------------: | ---------: | --------------: |
${byFault.join('\n')}

## Invariants checked after every trial

Every acknowledged action exactly once in the workflow state (query) and in PostgreSQL, and both
holding the same actions (nomination history ↔ action rows; signed units, late flags, overdue and
status ↔ signature and round rows); each deadline fires at most once, never early, and a fired one
is delivered; every reminder due before its recipient acted delivered, none after the reminders
stopped, none shown twice (dedup keys compared without their due instant); no commendation twice
(one award per nomination, per recipient and form); a retried request (same Idempotency-Key) gets
the first outcome; the trial's workflow histories (nomination, decision, signing round) replay
against the current workflow bundle. At the end: no double award anywhere, no deadline left active
behind a finished nomination or round, the audit chain verifies.

## Violations

${violations}
`;
}
