// Entry point of the workflow bundle: every workflow the worker runs is exported here.
export { pledgeSigningWorkflow } from './pledge-signing/pledge-signing.workflow';
export { emulationCycleWorkflow } from './yearly-cycle/emulation-cycle.workflow';
export { cycleSchedulerWorkflow } from './yearly-cycle/cycle-scheduler.workflow';
export { registrationWorkflow } from './yearly-cycle/registration.workflow';
export { assessmentWorkflow } from './yearly-cycle/assessment.workflow';
export { voteWorkflow, electionWorkflow } from './yearly-cycle/ballot.workflows';
export { nominationWorkflow } from './commendation/nomination.workflow';
export { decisionWorkflow } from './commendation/decision.workflow';
