import type { RuleDefinition } from '@notes/core';
import controlCharacter from './control-character.js';
import invalidUtf8 from './invalid-utf8.js';
import misplacedBom from './misplaced-bom.js';
import mojibake from './mojibake.js';
import replacementCharacter from './replacement-character.js';

/** The `encoding/` rules, in the order they run and are documented. */
export const encodingRules: readonly RuleDefinition[] = [
  mojibake,
  invalidUtf8,
  replacementCharacter,
  controlCharacter,
  misplacedBom,
];
