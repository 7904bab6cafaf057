import renderMathInElement from 'katex/contrib/auto-render';
import 'katex/dist/katex.min.css';

/** The delimiters the deck's HTML uses for math, as Anki's MathJax reads them. */
const DELIMITERS = [
  { left: '\\[', right: '\\]', display: true },
  { left: '\\(', right: '\\)', display: false },
];

/**
 * Typeset the math of rendered HTML with KaTeX (fonts shipped with the site), where Anki would use MathJax.
 * `trust` stays off, so TeX cannot add links or HTML; a formula KaTeX cannot read is shown as its TeX.
 */
export function renderMath(el: HTMLElement): void {
  const text = el.textContent ?? '';
  if (!text.includes('\\(') && !text.includes('\\[')) return;
  renderMathInElement(el, { delimiters: DELIMITERS, throwOnError: false, trust: false, strict: 'ignore' });
}
