// Mirrors Anki's `strip_html_preserving_media_filenames` (rslib/src/text.rs), used for `sfld` and `csum`.

const MEDIA_TAG =
  /<\b(?:img|audio|video|object|source)\b(?:[^>]|"[^"]+?"|'[^']+?')+?\b(?:src|data)\b=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))/gis;
const HTML = /(<!--.*?-->)|(<style.*?>.*?<\/style>)|(<script.*?>.*?<\/script>)|(<.*?>)/gis;
const ENTITY = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // Anki decodes only when every `&` starts an entity it knows; otherwise the text stays as it is.
  if (text.replace(ENTITY, '').includes('&')) return text;
  let ok = true;
  const out = text.replace(ENTITY, (entity) => {
    const body = entity.slice(1, -1);
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) {
        ok = false;
        return entity;
      }
      return String.fromCodePoint(code);
    }
    const named = NAMED[body];
    if (named === undefined) ok = false;
    return named ?? entity;
  });
  return ok ? out.replace(/\u00a0/g, ' ') : text;
}

/** Field HTML to the plain text Anki sorts and checksums by (media tags keep their file names). */
export function stripHtmlPreservingMedia(html: string): string {
  // Both tag patterns start with `<`: a field without one (a question, a title) only has its entities decoded.
  if (!html.includes('<')) return decodeEntities(html);
  const withMedia = html.replace(MEDIA_TAG, (_m, a?: string, b?: string, c?: string) => ` ${a ?? b ?? c ?? ''} `);
  return decodeEntities(withMedia.replace(HTML, ''));
}

/** What `escapeHtml` replaces, and what `cleanField` changes (CR, other ASCII controls): absent, a text is kept. */
const HTML_SPECIAL = /[&<>"]/;
const FIELD_UNCLEAN = /[\x00-\x08\x0b-\x1f\x7f]/;

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Field text as Anki stores it: line breaks as `\n` (CRLF sources would leave `\r`), and no other ASCII control
 * characters (Anki deletes them on import, and `\x1f` separates fields).
 */
export function cleanField(html: string): string {
  if (!FIELD_UNCLEAN.test(html)) return html;
  return html.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
