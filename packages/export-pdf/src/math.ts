/**
 * TeX math for the cheat sheet, typeset by MathJax (its TeX input, the real TeX-math parser, and its SVG output
 * with glyphs as paths). Display math becomes a vector drawing; inline math, which pdfmake cannot put inside a
 * line of text, becomes text runs from MathJax's MathML (italic variables, real superscripts and subscripts,
 * Unicode operators). MathJax is imported only when a document has math.
 */

/** A typeset formula as SVG, sized in points. */
export interface MathSvg {
  svg: string;
  width: number;
  height: number;
}

/** A run of inline math as text. */
export interface MathRun {
  text: string;
  italics: boolean;
  sup: boolean;
  sub: boolean;
}

/** Typesets TeX; both methods return null when MathJax reports an error in the TeX. */
export interface MathRenderer {
  /** A formula as SVG paths at `size` points (1 em). */
  svg(tex: string, display: boolean, size: number): MathSvg | null;
  /** An inline formula as text runs. */
  runs(tex: string): MathRun[] | null;
}

interface MmlNode {
  kind: string;
  childNodes: MmlNode[];
  attributes: { get(name: string): unknown };
  getText?: () => string;
  isToken?: boolean;
}

interface MathJaxDocument {
  convert(tex: string, options: { display: boolean; end?: number }): unknown;
}

let engine: Promise<{ doc: MathJaxDocument; adaptor: { outerHTML(n: unknown): string }; compiled: number }> | undefined;

/** Load MathJax once per process (it registers a global handler; a second registration would add another). */
function loadEngine() {
  engine ??= (async () => {
    const [{ mathjax }, { TeX }, { SVG }, { liteAdaptor }, { RegisterHTMLHandler }, { AllPackages }, { STATE }] =
      await Promise.all([
        import('mathjax-full/js/mathjax.js'),
        import('mathjax-full/js/input/tex.js'),
        import('mathjax-full/js/output/svg.js'),
        import('mathjax-full/js/adaptors/liteAdaptor.js'),
        import('mathjax-full/js/handlers/html.js'),
        import('mathjax-full/js/input/tex/AllPackages.js'),
        import('mathjax-full/js/core/MathItem.js'),
      ]);
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    // No `noerrors`/`noundefined`: an unknown command must come back as an error, not as red text in the sheet.
    const packages = AllPackages.filter((p: string) => p !== 'noerrors' && p !== 'noundefined');
    const doc = mathjax.document('', {
      InputJax: new TeX({ packages }),
      // Paths inline in each formula (no shared <defs>/<use>), which is what svg-to-pdfkit draws best.
      OutputJax: new SVG({ fontCache: 'none' }),
    }) as unknown as MathJaxDocument;
    return {
      doc,
      adaptor: adaptor as unknown as { outerHTML(n: unknown): string },
      compiled: STATE.COMPILED as number,
    };
  })();
  return engine;
}

/** Operators that read better with a space around them in running text. */
const SPACED = new Set(['=', '<', '>', '≤', '≥', '≠', '≈', '+', '−', '±', '×', '→', '⇒', '∈', '≡']);

/** The MathML tree as text runs (a fraction as `a/b`, a root as `√(x)`, scripts as sup/sub). */
function mmlRuns(node: MmlNode, sup: boolean, sub: boolean, out: MathRun[]): void {
  const push = (text: string, italics = false): void => {
    if (text !== '') out.push({ text, italics, sup, sub });
  };
  const token = (): string => node.childNodes.map((c) => (c.kind === 'text' && c.getText ? c.getText() : '')).join('');
  const group = (child: MmlNode | undefined, s = sup, b = sub, wrap = false): void => {
    if (!child) return;
    const start = out.length;
    mmlRuns(child, s, b, out);
    if (wrap && out.slice(start).reduce((n, r) => n + [...r.text].length, 0) > 1) {
      out.splice(start, 0, { text: '(', italics: false, sup: s, sub: b });
      push(')');
    }
  };
  switch (node.kind) {
    case 'mi': {
      const text = token();
      const variant = node.attributes.get('mathvariant');
      push(text, [...text].length === 1 && variant !== 'normal' && /\p{L}/u.test(text));
      return;
    }
    case 'mo': {
      const text = token().replace(/-/g, '−');
      push(SPACED.has(text) && !sup && !sub ? ` ${text} ` : text);
      return;
    }
    case 'mn':
    case 'mtext':
    case 'ms':
      push(token());
      return;
    case 'mspace':
      push(' ');
      return;
    case 'msup':
      group(node.childNodes[0]);
      group(node.childNodes[1], true, false);
      return;
    case 'msub':
      group(node.childNodes[0]);
      group(node.childNodes[1], false, true);
      return;
    case 'msubsup':
    case 'munderover':
      group(node.childNodes[0]);
      group(node.childNodes[1], false, true);
      group(node.childNodes[2], true, false);
      return;
    case 'munder':
      group(node.childNodes[0]);
      group(node.childNodes[1], false, true);
      return;
    case 'mover':
      group(node.childNodes[0]);
      group(node.childNodes[1], true, false);
      return;
    case 'mfrac':
      group(node.childNodes[0], sup, sub, true);
      push('/');
      group(node.childNodes[1], sup, sub, true);
      return;
    case 'msqrt':
      push('√(');
      for (const c of node.childNodes) group(c);
      push(')');
      return;
    case 'mroot':
      group(node.childNodes[1], true, false);
      push('√(');
      group(node.childNodes[0]);
      push(')');
      return;
    default:
      for (const c of node.childNodes ?? []) group(c);
  }
}

function hasError(node: MmlNode): boolean {
  if (node.kind === 'merror') return true;
  return (node.childNodes ?? []).some(hasError);
}

/** Join neighbouring runs of one style. */
function mergeRuns(runs: MathRun[]): MathRun[] {
  const out: MathRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.italics === r.italics && last.sup === r.sup && last.sub === r.sub) last.text += r.text;
    else out.push({ ...r });
  }
  if (out[0]) out[0].text = out[0].text.replace(/^ +/, '');
  const end = out[out.length - 1];
  if (end) end.text = end.text.replace(/ +$/, '');
  return out.filter((r) => r.text !== '');
}

/** A MathJax-backed renderer (MathJax is imported on the first call of this function). */
export async function createMathRenderer(): Promise<MathRenderer> {
  const { doc, adaptor, compiled } = await loadEngine();
  return {
    svg(tex, display, size) {
      let html: string;
      try {
        html = adaptor.outerHTML(doc.convert(tex, { display }));
      } catch {
        return null;
      }
      if (/data-mml-node="merror"/.test(html)) return null;
      const svg = /<svg[^]*<\/svg>/.exec(html)?.[0];
      const box = svg ? /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg) : null;
      if (!svg || !box) return null;
      // MathJax's viewBox is in thousandths of an em.
      const width = (Number(box[3]) / 1000) * size;
      const height = (Number(box[4]) / 1000) * size;
      const clean = svg
        .replace(/ width="[^"]*"/, ` width="${width.toFixed(2)}"`)
        .replace(/ height="[^"]*"/, ` height="${height.toFixed(2)}"`)
        .replace(/currentColor/g, '#1a1a1a');
      return { svg: clean, width, height };
    },
    runs(tex) {
      let root: MmlNode;
      try {
        root = doc.convert(tex, { display: false, end: compiled }) as MmlNode;
      } catch {
        return null;
      }
      if (hasError(root)) return null;
      const out: MathRun[] = [];
      mmlRuns(root, false, false, out);
      return mergeRuns(out);
    },
  };
}
