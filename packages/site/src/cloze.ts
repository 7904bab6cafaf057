/** Anki's cloze syntax in a field: `{{c1::text}}` or `{{c1::text::hint}}` (the text may hold HTML). */
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([^{}]*?))?\}\}/g;

/**
 * The two sides of one card of a cloze note, as Anki shows them: on the front the group's deletions are hidden
 * (`[…]`, or `[hint]`), on the back they are shown marked; the other groups' text is shown plain on both sides.
 */
export function clozeSides(text: string, group: number): { front: string; back: string } {
  const side = (reveal: boolean): string =>
    text.replace(CLOZE, (_all, n: string, inner: string, hint: string | undefined) => {
      if (Number(n) !== group) return inner;
      return reveal
        ? `<span class="cloze">${inner}</span>`
        : `<span class="cloze">[${hint && hint.trim() !== '' ? hint : '…'}]</span>`;
    });
  return { front: side(false), back: side(true) };
}

/** The cloze groups a field uses, ascending. */
export function clozeGroups(text: string): number[] {
  return [...new Set([...text.matchAll(CLOZE)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}
