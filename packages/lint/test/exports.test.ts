import { describe, expect, it } from 'vitest';
import * as lint from '@notes/lint';

describe('@notes/lint', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(lint).sort()).toEqual([
      'MAX_FIX_PASSES',
      'applyFixes',
      'bundledPlugins',
      'compareMessages',
      'defaultRules',
      'defineRule',
      'detectEol',
      'fixEdits',
      'fixSource',
      'hashBytes',
      'incrementalParser',
      'lintBatch',
      'lintSource',
      'lintWithModel',
      'loadRules',
      'remarkPreset',
      'remarkRules',
      'resolveBatchRules',
      'resolveRules',
      'ruleDocsUrl',
      'rules',
      'runOne',
      'workerCount',
      'writeFixedFile',
    ]);
  });
});
