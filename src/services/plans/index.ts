/**
 * The annual cycle of plans: the state opens it (districts from the designation record,
 * allocations from the withholding rule), districts draft their plans and budgets, the board
 * approves, the authorized representative certifies and submits, the state reviews and
 * recommends, the commissioner decides, and approval releases the withheld funds.
 *
 * - cycles.ts — opening a cycle, its schedule, a district's extension
 * - commands.ts — the plan's steps, each one transaction (core.ts: check, apply, record, audit)
 * - command-schema.ts, run.ts — one schema for the forms and the API, and the one dispatcher
 * - views.ts — a plan as the person may see it, the staff board, a version diff
 * - publication.ts — what the public sees of approved plans
 * - notices.ts — messages to districts and the deadline sweep
 */
export { ConflictError, WorkflowError, contentHash, type PlanRow } from './core.ts';
export { buildSchedule, changeCycleSchedule, extendDeadline, getCycle, listCycles, openCycle } from './cycles.ts';
export { assignReviewers, certify, checkBoardApproval, comment, decide, recommend, recordBoardApproval, releaseFunds, requestRevisions, saveDraft, score, startAmendment, submit, type BoardApproval, type Decision, type DraftInput } from './commands.ts';
export { parsePlanCommand, planCommandSchema, COMMAND_INTENTS, type ParsedCommand, type PlanCommand, type PlanIntent } from './command-schema.ts';
export { CommandInputError, runPlanCommand } from './run.ts';
export { cycleBoard, diffVersions, planView, plansFor, type BoardRow, type PlanEvent, type PlanView, type VersionDiff } from './views.ts';
export { publishedPlans, type PublishedPlan } from './publication.ts';
export { districtNotice, planDeadlines, programToday, sweepDeadlines, type SweepResult } from './notices.ts';
export { releaseOf } from '../../data/plan.repository.ts';
export { DEFAULT_SETTINGS, type Cycle, type CycleSettings } from '../../domain/workflow/cycle.ts';
export type { Deadlines } from '../../domain/workflow/deadlines.ts';
