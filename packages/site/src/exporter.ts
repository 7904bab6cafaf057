import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { NotesError, type ExportFile, type Exporter } from '@notes/core';
import { loadMedia } from '@notes/export-anki';
import { buildSiteData, linkMedia } from './data.js';
import { DataScript, renderPage } from './page.js';

/**
 * Where the app bundle (built by Vite when the package is built, never at export time) lives: `dist/app/` of this
 * package, found through the package's own entry so that code bundled elsewhere (the `notes` command) finds it too.
 */
export const APP_DIR = fileURLToPath(new URL('./app/', import.meta.resolve('@notes/site')));

/** The prebuilt app's files (`app.js`, `app.css`, fonts…), sorted, as `assets/…` outputs. */
async function appFiles(): Promise<ExportFile[]> {
  let names: string[];
  try {
    names = (await readdir(APP_DIR, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => `${e.parentPath.slice(APP_DIR.length)}/${e.name}`.replace(/^\/+/, '').replace(/\\/g, '/'))
      .sort();
  } catch {
    names = [];
  }
  if (!names.includes('app.js')) {
    throw new NotesError(`the study site's app is not built (${APP_DIR}app.js missing): run npm run build`);
  }
  return Promise.all(
    names.map(async (name) => ({ path: `assets/${name}`, data: new Uint8Array(await readFile(APP_DIR + name)) })),
  );
}

/** `notes export --site`: `site/index.html`, `site/data/notes.js`, `site/assets/…` and `site/media/…`. */
export const siteExporter: Exporter = {
  format: 'site',
  extension: 'html',
  binary: false,
  async export(documents, options) {
    const { data, media } = buildSiteData(documents, options);
    if (data.cards.length === 0) options.warn('no questions found: the study site has no cards to review');
    const loaded = await loadMedia(media, options);
    const linked = linkMedia(
      data,
      new Set(loaded.keys()),
      media.map((m) => m.name),
    );
    const files: ExportFile[] = [
      { path: 'site/index.html', data: renderPage(linked) },
      { path: 'site/data/notes.js', data: new DataScript(linked) },
      ...(await appFiles()).map((f) => ({ ...f, path: `site/${f.path}` })),
      ...[...loaded.keys()].sort().map((name) => ({ path: `site/media/${name}`, data: loaded.get(name)! })),
    ];
    return files;
  },
};
