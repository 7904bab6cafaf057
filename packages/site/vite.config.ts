import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The app is built once, when the package is built; `notes export --site` only copies it. A classic script
// (IIFE), not a module: browsers refuse module scripts on `file://`. Fixed file names keep the site byte-stable.
// Library mode inlines the fonts into the stylesheet (data: URLs, which the page's policy allows for fonts only).

/**
 * KaTeX's stylesheet offers every font as woff2, woff and ttf; every browser the site supports reads woff2, so
 * only those are shipped (a fifth of the bytes).
 */
const woff2Only: Plugin = {
  name: 'notes-katex-woff2-only',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('katex') || !id.endsWith('.css')) return null;
    return code.replace(
      /,url\(fonts\/[^)]+\.woff\) format\("woff"\),url\(fonts\/[^)]+\.ttf\) format\("truetype"\)/g,
      '',
    );
  },
};

export default defineConfig({
  plugins: [woff2Only],
  root: fileURLToPath(new URL('./app/', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: fileURLToPath(new URL('./dist/app/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL('./app/main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'NotesSite',
      fileName: () => 'app.js',
      cssFileName: 'app',
    },
  },
});
