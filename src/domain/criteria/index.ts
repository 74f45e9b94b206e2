// Public entry of the criteria domain: types, the engine, ranking, recognition rules and the reference import.
export type * from './types.js';
export { compileSet, validateSet, evaluateCommune, evaluateCommunes, type CompiledSet, type CommuneInput } from './engine.js';
export { rankByGap, closestToStandard, blockersOf, type Blocker, type RankedCommune, type IdentifiedEvaluation } from './ranking.js';
export { evaluateRevocation, evaluateRecognition, type RevocationOutcome, type RevocationRuleOutcome, type RecognitionConditionOutcome } from './recognition.js';
export {
  importReference,
  importSets2021_2025,
  importSet2026_2030,
  regions2021_2025,
  communeGroups2026_2030,
  type ReferenceImport,
  type RegionDef,
  type CommuneGroupDef,
} from './reference-import.js';
export { describeRule } from './applicability.js';
