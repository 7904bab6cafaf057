/** Types for check.mjs (used by test/e2e/preservation.test.ts). */
export interface Item {
  kind: 'heading' | 'paragraph' | 'cell';
  scope: 'question' | 'overview' | 'topic' | 'other';
  text: string;
  line: number;
  /** Topic and title headings: notes, question notes and comparison tables under them. */
  notes?: number;
  questions?: number;
  comparisons?: number;
  /** Table cells: whether the table is a comparison table (its rows become Anki cards). */
  comparison?: boolean;
}
export interface FormatCoverage {
  total: number;
  found: number;
  missing: Item[];
  outOfScope: number;
}
export function norm(s: string): string;
export function pdfForm(s: string): string;
export function itemsOf(text: string, path?: string): Item[];
export function inScope(format: string, item: Item): boolean;
export function formatTexts(outDir: string): Promise<Record<'json' | 'markdown' | 'pdf' | 'anki', string>>;
export function coverage(items: Item[], texts: Record<string, string>): Record<string, FormatCoverage>;
