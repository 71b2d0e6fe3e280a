/**
 * The year after approval: monitoring meetings and their follow-ups (meetings.ts). Spend-down,
 * progress on goals, budget revisions and the annual review come next (issue 9).
 */
export { completeFollowUp, monitoringOf, proposeAgendaItem, recordMeeting, scheduleMeeting, type MonitoringView } from './meetings.ts';
export { MONITORING_INTENTS, monitoringCommandSchema, parseMonitoringCommand, type MonitoringCommand } from './command-schema.ts';
export { runMonitoringCommand } from './run.ts';
export { importExpenditures, LedgerFileError, spendingOf, type LedgerImport, type SpendingView } from './spending.ts';
export { addConditionEvidence, progressOf, readGoalValuesFromData, recordGoalValue, reviewConditionItem, setImplementation, type ProgressView } from './progress.ts';
export { budgetInForce, decideRevision, requestRevision, revisionsOf, type BudgetRevision } from './revisions.ts';
export { annualReviewOf, recordAnnualReview, reviewFacts, type AnnualReview } from './annual-review.ts';
export { monitoringBoard, type MonitoringBoardRow } from './board.ts';
