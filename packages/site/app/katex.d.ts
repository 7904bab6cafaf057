declare module 'katex/contrib/auto-render' {
  /** KaTeX's auto-render extension: typesets the delimited math in an element's text. */
  export default function renderMathInElement(
    element: HTMLElement,
    options?: {
      delimiters?: { left: string; right: string; display: boolean }[];
      throwOnError?: boolean;
      trust?: boolean;
      strict?: boolean | string;
    },
  ): void;
}
