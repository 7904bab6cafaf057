/** Types for arbitraries.mjs. */
import type { Arbitrary } from 'fast-check';
export function mojibake(s: string): string;
export interface Block {
  clean: (string | null)[];
  damaged: string[];
  hurt: boolean;
}
export const damagedNotes: Arbitrary<{
  clean: string | null;
  damaged: string;
  keep: string[];
  blocks: Block[];
  crlf: boolean;
}>;
export const anyMarkdown: Arbitrary<string>;
