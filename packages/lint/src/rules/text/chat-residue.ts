/**
 * Checks for phrases left over from a chat assistant's answer: "Great question!", "Let's break it down:",
 * "I hope this helps", "Let me know if…", "Feel free to ask". Apostrophes may be straight, curly or mojibake.
 *
 * Rationale: the phrases say nothing, and on a card or cheat sheet they take the place of the answer.
 *
 * Fix: delete the phrase.
 */
import { defineRule, mayBeEnglish } from '@notes/core';
import { treeIndex } from '../../helpers/tree-index.js';

/** An apostrophe as pasted: straight, curly, backtick, acute, or UTF-8 read as cp1252. */
const APOS = "(?:['’‘`´]|â€™|â€˜|\\uFFFD)";
const PHRASES: readonly RegExp[] = [
  /\b(?:great|good|excellent|fantastic|awesome) question[!.]/i,
  new RegExp(`\\blet${APOS}?s (?:break|dive|walk through|unpack) (?:it|this|that|them|each)(?: down)?\\b`, 'i'),
  /\b(?:I )?hope (?:this|that|it) helps\b/i,
  /\blet me know if\b/i,
  /\bfeel free to (?:ask|let me know)\b(?! \w+ at\b)/i,
  /\bas an AI(?: language model)?\b/i,
  /\b(?:would|do) you (?:like|want) me to\b/i,
  /^(?:certainly|sure|absolutely|of course)! /i,
];
/** Any of the phrases (a line that matches none of them is passed over with one search instead of one a phrase). */
const ANY = new RegExp(PHRASES.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

export default defineRule({
  id: 'text/chat-residue',
  description: 'Chat-assistant phrases left in the notes ("Great question!", "Let me know if…").',
  tags: ['text'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    // The phrases are English: a document in another language gets no guesses.
    if (!mayBeEnglish(ctx.document.lang)) return;
    const { opaque } = treeIndex(ctx);
    ctx.lines.forEach((text, i) => {
      const line = i + 1;
      if (opaque[line] || text.length < 8) return;
      const content = text.replace(/^\s*(?:[>*+-]\s*|\d+[.)]\s*)*/, '');
      if (!ANY.test(content)) return;
      const offset = text.length - content.length;
      for (const pattern of PHRASES) {
        const m = pattern.exec(content);
        if (!m) continue;
        ctx.report({
          place: { line, column: offset + m.index + 1, endLine: line, endColumn: offset + m.index + m[0].length + 1 },
          message: `Unexpected chat residue \`${m[0]}\`, expected note content only`,
        });
        return;
      }
    });
  },
});
