import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The app is built once, when the package is built; `notes export --site` only copies it. A classic script
// (IIFE), not a module: browsers refuse module scripts on `file://`. Fixed file names keep the site byte-stable.
export default defineConfig({
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
