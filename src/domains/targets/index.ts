/**
 * Target responsibility and annual assessment (目标考核、督察推进): the domain's public door.
 */
export { targetRoutes } from './routes';
export { createPlan, updatePlan, transitionPlan, getPlan, listPlans, planWarnings } from './plan-service';
export { createIndicator, updateIndicator, listIndicators } from './indicator-service';
export { createAssignment, saveAssignments, listAssignments, listPlanUnits } from './assignment-service';
export { createProgressReport, updateProgressReport, reviewProgressReport, getReportingRates } from './progress-service';
export { getProgressBoard, getItemValues, snapshotMetricValues } from './board-service';
export { createSelfEvaluation, updateSelfEvaluation, reviewSelfEvaluation } from './evaluation-service';
export { computeScores, getRanking, getScorecard, listScores } from './scoring-service';
export { openPublicity, publishResults, createObjection, resolveObjection } from './publication-service';
export { runReportingReminders, sendUrgings } from './notice-service';
export { seedTargetsDemo } from './targets-demo';
export type { TargetsContext } from './service-support';
export type { PlanView, IndicatorView, AssignmentView } from './plan-api-schema';
export type { Ranking, Scorecard, UnitScore } from './assessment-schema';
