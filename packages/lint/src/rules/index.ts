import type { RuleDefinition } from '@notes/core';
import headingMissingSpace from './heading/missing-space.js';

/** Every rule, in the order they run and are documented. */
export const rules: readonly RuleDefinition[] = [headingMissingSpace];
