import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import type { Image, Nodes, Root } from 'mdast';
import type { ModelDocument } from './model.js';

/**
 * Local images of the notes, read once for every exporter. SPEC §6: only files inside the notes' folder are read
 * (checked again after resolving symbolic links), and nothing is fetched.
 */

/** Images larger than this are not embedded: a photo this big would bloat the deck and the PDF for a cheat sheet. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Images with more pixels than this are not embedded: decoding them takes more memory than a note is worth. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** The formats embedded in every export. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'svg';

/** A local image, read and checked. */
export interface LocalImage {
  /** Path relative to the notes' folder, with `/`. */
  path: string;
  /** Absolute path on disk (symbolic links resolved). */
  absolutePath: string;
  bytes: Uint8Array;
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  type: ImageType;
  width: number;
  height: number;
}

/** What became of an image reference: the image, or why it was not taken (a one-line reason). */
export type ImageResult = { ok: true; image: LocalImage } | { ok: false; reason: string; remote: boolean };

/** Where an image reference points, before anything is read. */
export type ImageTarget = { ok: true; absolute: string; path: string } | { ok: false; reason: string; remote: boolean };

function hasScheme(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/** Resolve an image URL of a note in `docDir` against the notes' folder `baseDir`, without touching the disk. */
export function locateImage(url: string, docDir: string, baseDir: string): ImageTarget {
  if (url === '') return { ok: false, reason: 'has no address', remote: false };
  if (hasScheme(url)) return { ok: false, reason: 'is not local: not fetched', remote: true };
  let decoded = url;
  try {
    decoded = decodeURIComponent(url.split(/[?#]/)[0] ?? url);
  } catch {
    // keep it as written
  }
  if (isAbsolute(decoded) || posix.isAbsolute(decoded))
    return { ok: false, reason: "is an absolute path: only images inside the notes' folder are used", remote: false };
  const absolute = resolve(docDir, decoded);
  const rel = relative(resolve(baseDir), absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    return { ok: false, reason: "is outside the notes' folder: not used", remote: false };
  return { ok: true, absolute, path: rel.split(sep).join('/') };
}

/** The format from the first bytes (not the file name, which may lie). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 6 && String.fromCharCode(...bytes.subarray(0, 4)) === 'GIF8') return 'gif';
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[^]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return null;
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads local images for one export, each file once (by its resolved path). */
export interface ImageLoader {
  /** Load the image `url` of a note in `docDir`. Never throws: a problem comes back as a reason. */
  load(url: string, docDir: string): Promise<ImageResult>;
  /** Load a file already located (an absolute path from `locateImage`). */
  loadFile(absolute: string): Promise<ImageResult>;
}

/** An image loader for the notes' folder `baseDir`. */
export function createImageLoader(baseDir: string): ImageLoader {
  const cache = new Map<string, Promise<ImageResult>>();
  let root: Promise<string | null> | undefined;
  const read = async (target: { absolute: string; path: string }): Promise<ImageResult> => {
    const fail = (reason: string): ImageResult => ({ ok: false, reason, remote: false });
    root ??= realpath(resolve(baseDir)).catch(() => null);
    const base = await root;
    if (base === null) return fail("cannot be read: the notes' folder was not found");
    let real: string;
    try {
      real = await realpath(target.absolute);
    } catch {
      return fail('not found');
    }
    const rel = relative(base, real);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return fail("links outside the notes' folder: not used");
    let bytes: Uint8Array;
    try {
      const info = await stat(real);
      if (!info.isFile()) return fail('is not a file');
      if (info.size > MAX_IMAGE_BYTES)
        return fail(`is ${megabytes(info.size)}, over the ${megabytes(MAX_IMAGE_BYTES)} limit: not embedded`);
      bytes = new Uint8Array(await readFile(real));
    } catch {
      return fail('cannot be read');
    }
    const type = sniffImageType(bytes);
    if (type === null) return fail('is not a PNG, JPEG, GIF or SVG image: not embedded');
    let width = 0;
    let height = 0;
    try {
      const { imageSize } = await import('image-size');
      const size = imageSize(bytes);
      width = size.width;
      height = size.height;
    } catch {
      // no size: damaged
    }
    if (!(width > 0 && height > 0))
      return fail(`is a damaged ${type.toUpperCase()} (its size cannot be read): not embedded`);
    if (width * height > MAX_IMAGE_PIXELS)
      return fail(`is ${width}×${height} pixels, over the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit: not embedded`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return {
      ok: true,
      image: { path: target.path, absolutePath: real, bytes, size: bytes.length, sha256, type, width, height },
    };
  };
  const cached = (target: { absolute: string; path: string }): Promise<ImageResult> => {
    let result = cache.get(target.absolute);
    if (!result) {
      result = read(target);
      cache.set(target.absolute, result);
    }
    return result;
  };
  return {
    load(url, docDir) {
      const target = locateImage(url, docDir, baseDir);
      return target.ok ? cached(target) : Promise.resolve(target);
    },
    loadFile(absolute) {
      const rel = relative(resolve(baseDir), absolute);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
        return Promise.resolve({ ok: false, reason: "is outside the notes' folder: not used", remote: false });
      return cached({ absolute, path: rel.split(sep).join('/') });
    },
  };
}

/** The `image` nodes of a tree, in source order (image references are left to their definitions). */
export function imageNodes(tree: Root | Nodes): Image[] {
  const out: Image[] = [];
  const stack: Nodes[] = [tree];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n.type === 'image') out.push(n);
    else if ('children' in n) for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k] as Nodes);
  }
  return out;
}

/** The folder a document's file is in (image paths in it are relative to this folder). */
export function documentDir(doc: ModelDocument, baseDir: string): string {
  const abs = doc.file.absolutePath;
  return isAbsolute(abs) ? dirname(abs) : dirname(resolve(baseDir, doc.file.path));
}

/**
 * The finding for an image that is not used, in one shape for every exporter (so `--all` prints it once):
 * `notes.md:12: image https://x/y.png "alt text" is not local: not fetched`.
 */
export function imageFinding(where: string, url: string, alt: string, reason: string): string {
  return `${where}: image ${url}${alt ? ` "${alt}"` : ''} ${reason}`;
}

/**
 * Load every image node of the documents, each file once. Returns what became of each node; with `warn`, each
 * image that is not used is reported (remote ones with their alt text and address).
 */
export async function loadDocumentImages(
  documents: readonly ModelDocument[],
  baseDir: string,
  warn?: (message: string) => void,
  loader: ImageLoader = createImageLoader(baseDir),
): Promise<Map<Image, ImageResult>> {
  const out = new Map<Image, ImageResult>();
  for (const doc of documents) {
    const nodes = imageNodes(doc.tree);
    if (nodes.length === 0) continue;
    const dir = documentDir(doc, baseDir);
    for (const node of nodes) {
      const result = await loader.load(node.url, dir);
      out.set(node, result);
      if (!result.ok && warn)
        warn(
          imageFinding(`${doc.file.path}:${node.position?.start.line ?? 1}`, node.url, node.alt ?? '', result.reason),
        );
    }
  }
  return out;
}
