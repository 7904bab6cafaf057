// The mojibake rule's repair as lint applies it, for the benchmark scripts: each span whose best reading leads the
// next by at least `margin` is replaced by that reading; any other span is left as it is and marks the line open.
/**
 * @param {string} text
 * @param {{ start: number, end: number, margin: number, likeliest: string }[]} spans  findMojibake's spans
 * @param {number} margin
 * @returns {{ out: string, open: boolean }}
 */
export function repairAtMargin(text, spans, margin) {
  let out = '';
  let at = 0;
  let open = false;
  for (const s of spans) {
    const pick = s.margin >= margin ? s.likeliest : null;
    if (pick === null) {
      open = true;
      continue;
    }
    out += text.slice(at, s.start) + pick;
    at = s.end;
  }
  return { out: out + text.slice(at), open };
}
