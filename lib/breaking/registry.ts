/**
 * The breaking-change rules, one per file under rules/, in the spirit of `buf breaking`: each has a
 * stable id, a category (who it breaks) and a purpose. Alphabetical by id; test/breaking locks the
 * order and requires a previous/current fixture pair per rule in test/fixtures/diff/<RULE_ID>/.
 */
import type { BreakingRule } from "./types.js";
import { actorChangedRule } from "./rules/actor-changed.js";
import { componentRemovedRule } from "./rules/component-removed.js";
import { constraintChangedRule } from "./rules/constraint-changed.js";
import { dependenciesChangedRule } from "./rules/dependencies-changed.js";
import { docChangedRule } from "./rules/doc-changed.js";
import { elementAddedRule } from "./rules/element-added.js";
import { elementMovedRule } from "./rules/element-moved.js";
import { elementRenamedRule } from "./rules/element-renamed.js";
import { entityRemovedRule } from "./rules/entity-removed.js";
import { enumRemovedRule } from "./rules/enum-removed.js";
import { enumValueAddedRule } from "./rules/enum-value-added.js";
import { enumValueRemovedRule } from "./rules/enum-value-removed.js";
import { eventRemovedRule } from "./rules/event-removed.js";
import { fieldOptionalAddedRule } from "./rules/field-optional-added.js";
import { fieldOptionalityChangedRule } from "./rules/field-optionality-changed.js";
import { fieldRemovedRule } from "./rules/field-removed.js";
import { fieldRequiredAddedRule } from "./rules/field-required-added.js";
import { fieldTypeChangedRule } from "./rules/field-type-changed.js";
import { interfaceRemovedRule } from "./rules/interface-removed.js";
import { operationAddedToInterfaceRule } from "./rules/operation-added-to-interface.js";
import { operationAsyncChangedRule } from "./rules/operation-async-changed.js";
import { operationErrorAddedRule } from "./rules/operation-error-added.js";
import { operationErrorRemovedRule } from "./rules/operation-error-removed.js";
import { operationParamMadeRequiredRule } from "./rules/operation-param-made-required.js";
import { operationParamOptionalAddedRule } from "./rules/operation-param-optional-added.js";
import { operationParamRemovedRule } from "./rules/operation-param-removed.js";
import { operationParamRequiredAddedRule } from "./rules/operation-param-required-added.js";
import { operationParamTypeChangedRule } from "./rules/operation-param-type-changed.js";
import { operationRemovedRule } from "./rules/operation-removed.js";
import { operationResultTypeChangedRule } from "./rules/operation-result-type-changed.js";
import { operationSignatureChangedRule } from "./rules/operation-signature-changed.js";
import { operationTriggerChangedRule } from "./rules/operation-trigger-changed.js";
import { relationAddedRule } from "./rules/relation-added.js";
import { relationChangedRule } from "./rules/relation-changed.js";
import { relationRemovedRule } from "./rules/relation-removed.js";
import { subsystemRemovedRule } from "./rules/subsystem-removed.js";
import { traceOnlyChangedRule } from "./rules/trace-only-changed.js";

/** Every rule, sorted by id. */
export const RULES: readonly BreakingRule[] = [
  actorChangedRule,
  componentRemovedRule,
  constraintChangedRule,
  dependenciesChangedRule,
  docChangedRule,
  elementAddedRule,
  elementMovedRule,
  elementRenamedRule,
  entityRemovedRule,
  enumRemovedRule,
  enumValueAddedRule,
  enumValueRemovedRule,
  eventRemovedRule,
  fieldOptionalityChangedRule,
  fieldOptionalAddedRule,
  fieldRemovedRule,
  fieldRequiredAddedRule,
  fieldTypeChangedRule,
  interfaceRemovedRule,
  operationAddedToInterfaceRule,
  operationAsyncChangedRule,
  operationErrorAddedRule,
  operationErrorRemovedRule,
  operationParamMadeRequiredRule,
  operationParamOptionalAddedRule,
  operationParamRemovedRule,
  operationParamRequiredAddedRule,
  operationParamTypeChangedRule,
  operationRemovedRule,
  operationResultTypeChangedRule,
  operationSignatureChangedRule,
  operationTriggerChangedRule,
  relationAddedRule,
  relationChangedRule,
  relationRemovedRule,
  subsystemRemovedRule,
  traceOnlyChangedRule,
];
