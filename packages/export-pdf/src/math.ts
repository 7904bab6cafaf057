/**
 * TeX math for the cheat sheet, typeset by MathJax (its TeX input, the real TeX-math parser, and its SVG output
 * with glyphs as paths). Each formula is a drawing placed in a line of text (the adapter lays it out as an
 * unbreakable piece of the formula's width and draws it on the baseline); display math has a line of its own.
 * MathJax is imported only when a document has math.
 */

/** A typeset formula as SVG, sized in points. */
export interface MathSvg {
  svg: string;
  width: number;
  /** Height above the baseline plus depth below it. */
  height: number;
  /** Height above the baseline (MathJax's box height). */
  ascent: number;
  /** Depth below the baseline (MathJax's box depth, its `vertical-align`). */
  depth: number;
}

/** Typesets TeX; returns null when MathJax reports an error in the TeX. */
export interface MathRenderer {
  /** A formula as SVG paths at `size` points (1 em). */
  svg(tex: string, display: boolean, size: number): MathSvg | null;
}

interface MathJaxDocument {
  convert(tex: string, options: { display: boolean }): unknown;
}

let engine: Promise<{ doc: MathJaxDocument; adaptor: { outerHTML(n: unknown): string } }> | undefined;

/** Load MathJax once per process (it registers a global handler; a second registration would add another). */
function loadEngine() {
  engine ??= (async () => {
    const [{ mathjax }, { TeX }, { SVG }, { liteAdaptor }, { RegisterHTMLHandler }, { AllPackages }] =
      await Promise.all([
        import('mathjax-full/js/mathjax.js'),
        import('mathjax-full/js/input/tex.js'),
        import('mathjax-full/js/output/svg.js'),
        import('mathjax-full/js/adaptors/liteAdaptor.js'),
        import('mathjax-full/js/handlers/html.js'),
        import('mathjax-full/js/input/tex/AllPackages.js'),
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
    return { doc, adaptor: adaptor as unknown as { outerHTML(n: unknown): string } };
  })();
  return engine;
}

/** A MathJax-backed renderer (MathJax is imported on the first call of this function). */
export async function createMathRenderer(): Promise<MathRenderer> {
  const { doc, adaptor } = await loadEngine();
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
      // MathJax's viewBox is in thousandths of an em, from the top of the box (minus its height) down to its depth.
      const width = (Number(box[3]) / 1000) * size;
      const height = (Number(box[4]) / 1000) * size;
      const ascent = (-Number(box[2]) / 1000) * size;
      const clean = svg
        .replace(/ width="[^"]*"/, ` width="${width.toFixed(2)}"`)
        .replace(/ height="[^"]*"/, ` height="${height.toFixed(2)}"`);
      return { svg: clean, width, height, ascent, depth: height - ascent };
    },
  };
}
