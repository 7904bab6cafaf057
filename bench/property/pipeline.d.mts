/** Types for pipeline.mjs. */
export function throughEverything(text: string, formats?: ('json' | 'markdown' | 'anki' | 'pdf')[]): Promise<void>;
