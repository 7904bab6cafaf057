/** [first, last] ranges of the code points a body font (regular) or a script font slice draws. */
export function printableRanges(): [number, number][];
/** Ranges as text: for each, the gap from the previous range's end and its length, in base 36. */
export function encodeRanges(ranges: readonly (readonly [number, number])[]): string;
