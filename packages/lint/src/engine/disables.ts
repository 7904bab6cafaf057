/**
 * Inline disable comments, as in markdownlint:
 * `<!-- notes-disable-next-line RULE -->`, `<!-- notes-disable-line RULE -->`,
 * `<!-- notes-disable RULE -->` … `<!-- notes-enable RULE -->` (no rule: every rule).
 */
const COMMENT = /<!--\s*notes-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->/g;

/** Decides whether a finding of a rule on a line is switched off by a comment. */
export interface DisableMap {
  isDisabled(ruleId: string, line: number): boolean;
}

interface Range {
  rule: string | null;
  from: number;
  to: number;
}

const NONE: DisableMap = { isDisabled: () => false };

/** Read the disable comments of a text (lines in code blocks are skipped via `opaqueCode`). */
export function readDisables(lines: readonly string[], inCode: (line: number) => boolean): DisableMap {
  const ranges: Range[] = [];
  const open = new Map<string | null, number>();
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (!text.includes('notes-')) continue;
    const line = i + 1;
    if (inCode(line)) continue;
    COMMENT.lastIndex = 0;
    for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
      any = true;
      const kind = m[1]!;
      const ids = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
      const targets: (string | null)[] = ids.length > 0 ? ids : [null];
      for (const rule of targets) {
        if (kind === 'disable-next-line') ranges.push({ rule, from: line + 1, to: line + 1 });
        else if (kind === 'disable-line') ranges.push({ rule, from: line, to: line });
        else if (kind === 'disable') {
          if (!open.has(rule)) open.set(rule, line);
        } else {
          if (rule === null) {
            for (const [r, from] of open) ranges.push({ rule: r, from, to: line });
            open.clear();
          } else {
            const from = open.get(rule);
            if (from !== undefined) {
              ranges.push({ rule, from, to: line });
              open.delete(rule);
            }
          }
        }
      }
    }
  }
  if (!any) return NONE;
  for (const [rule, from] of open) ranges.push({ rule, from, to: Infinity });
  return {
    isDisabled(ruleId, line) {
      return ranges.some(
        (r) =>
          line >= r.from && line <= r.to && (r.rule === null || r.rule === ruleId || ruleId.startsWith(`${r.rule}/`)),
      );
    },
  };
}
