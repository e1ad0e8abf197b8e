/**
 * The scenario catalogue: loading and validating scenario files, drawing variants,
 * building broken clusters, checks, hints and grading. What `engine/session.ts`, the CLI
 * and the web app use.
 */
export { FAMILIES, CHECK_ROLES, scenarioFileSchema, type Family, type ScenarioFile, type Check, type Condition, type HintSpec, type NodeSpec, type ParamValue } from "./schema";
export { Catalogue, ScenarioError, parseScenario, loadCatalogueFromSources, defaultRoleOf, type Scenario, type ScenarioSource } from "./loader";
export { drawParams, type DrawnParams } from "./params";
export { renderText, renderDeep, TemplateError } from "./template";
export { instantiate, type Instance } from "./instantiate";
export type { NonFix } from "./render";
export { nextHint } from "./hints";
export { grade, GRADE_WEIGHTS, type Grade, type CheckResult } from "./grade";
export { evaluateCheck, evaluateCondition, CHECK_EVALUATORS, type CheckContext, type CheckOutcome } from "./checks/index";
export type { LoggedAction } from "./action-log";
