export { defineRule } from '@notes/core';
export type { Fix, RuleContext, RuleDefinition, Severity } from '@notes/core';
export { compareMessages, lintSource, lintWithModel } from './engine/engine.js';
export { applyFixes, detectEol, fixEdits, fixSource, MAX_FIX_PASSES, type FixEdit } from './engine/fixer.js';
export { defaultRules, resolveRules, type ResolveExtras } from './engine/resolve.js';
export { rules } from './rules/index.js';
export { bundledPlugins, loadRules, ruleDocsUrl } from './registry.js';
export type { FixResult, LintMessage, LintOptions, ResolvedRule, ResolvedRules, RuleConfigValue } from './types.js';
export { writeFixedFile } from './write.js';
export {
  hashBytes,
  lintBatch,
  resolveBatchRules,
  runOne,
  workerCount,
  type BatchFile,
  type BatchResult,
  type BatchSettings,
} from './engine/batch.js';
export { remarkPreset, remarkRules } from './remark.js';
export { incrementalParser, type IncrementalParse } from './incremental.js';
