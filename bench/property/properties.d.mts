/** Types for properties.mjs. */
export function idempotent(sample: { damaged: string }): void;
export function keepsUndamaged(sample: { damaged: string; keep: string[]; crlf: boolean }): void;
export function cleanUnchanged(sample: { clean: string | null }): void;
export function noFindingNoChange(text: string): void;
