import type { RuleDefinition } from '@notes/core';
import { encodingRules } from './encoding/index.js';
import fieldsCloze from './fields/cloze.js';
import fieldsFrontMatter from './fields/front-matter.js';
import fieldsFrontMatterSyntax from './fields/front-matter-syntax.js';
import fieldsImageOutside from './fields/image-outside.js';
import fieldsMissingAnswer from './fields/missing-answer.js';
import fieldsMissingLabel from './fields/missing-label.js';
import headingDuplicateQuestion from './heading/duplicate-question.js';
import headingEmpty from './heading/empty.js';
import headingLevelInsideQuestion from './heading/level-inside-question.js';
import headingMissingSpace from './heading/missing-space.js';
import headingSkippedLevel from './heading/skipped-level.js';
import tableDelimiterMismatch from './table/delimiter-mismatch.js';
import tableEmptyHeader from './table/empty-header.js';
import tableMissingDelimiter from './table/missing-delimiter.js';
import tableRowCellCount from './table/row-cell-count.js';
import textChatResidue from './text/chat-residue.js';
import textMergedCallouts from './text/merged-callouts.js';
import textTruncated from './text/truncated.js';
import textUnbalancedMath from './text/unbalanced-math.js';

/** Every rule, in the order they run and are documented. */
export const rules: readonly RuleDefinition[] = [
  ...encodingRules,
  headingMissingSpace,
  headingLevelInsideQuestion,
  headingSkippedLevel,
  headingEmpty,
  headingDuplicateQuestion,
  tableDelimiterMismatch,
  tableRowCellCount,
  tableMissingDelimiter,
  tableEmptyHeader,
  fieldsMissingAnswer,
  fieldsFrontMatter,
  fieldsFrontMatterSyntax,
  fieldsMissingLabel,
  fieldsImageOutside,
  fieldsCloze,
  textTruncated,
  textChatResidue,
  textMergedCallouts,
  textUnbalancedMath,
];
