import './style.css';
import type { SiteData, SiteDocument, SiteNote } from '../src/site-data.js';
import { h, highlighted, markTerms, setSanitizedHtml, snippet } from './dom.js';
import { MAX_RESULTS, NotesIndex, tableText } from './search.js';
import { ReviewSession } from './review.js';
import { initTheme, themeButton } from './theme.js';
import { highlightOf } from './tokenize.js';

type Note = SiteNote;
type Document = SiteDocument;
type Topic = Document['topics'][number];

/** The data the page was written with, and lookups over it. */
interface Site {
  data: SiteData;
  notes: Map<string, Note>;
  documents: Map<string, Document>;
  topics: Map<string, { topic: Topic; document: Document }>;
  /** Notes by topic id, and by document id for notes before any topic (key `doc:<id>`). */
  byTopic: Map<string, Note[]>;
  /** The search index once built, and its building. */
  index: NotesIndex | null;
  indexing: Promise<NotesIndex> | null;
}

function load(): Site {
  const data = (globalThis as unknown as { NOTES_SITE_DATA?: SiteData }).NOTES_SITE_DATA;
  if (!data || data.version !== 1)
    throw new Error('data/notes.js is missing or from another version: export the site again');
  const site: Site = {
    data,
    notes: new Map(),
    documents: new Map(),
    topics: new Map(),
    byTopic: new Map(),
    index: null,
    indexing: null,
  };
  for (const doc of data.documents) {
    site.documents.set(doc.id, doc);
    for (const topic of doc.topics) site.topics.set(topic.id, { topic, document: doc });
  }
  for (const note of data.notes) {
    site.notes.set(note.id, note);
    const key = note.topicId ?? `doc:${note.documentId}`;
    const list = site.byTopic.get(key);
    if (list) list.push(note);
    else site.byTopic.set(key, [note]);
  }
  return site;
}

/** The search index, built once, a slice at a time (so a big site stays responsive while it is built). */
function searchIndex(site: Site): Promise<NotesIndex> {
  site.indexing ??= (async () => {
    const started = performance.now();
    const index = await NotesIndex.build(site.data.notes);
    performance.measure('notes:index', { start: started, duration: performance.now() - started });
    site.index = index;
    return index;
  })();
  return site.indexing;
}

function docLang(doc: Document | undefined): string | null {
  return doc?.lang ?? null;
}

const questions = (notes: readonly Note[] | undefined): Note[] => (notes ?? []).filter((n) => n.kind === 'question');

/** A note as an article: its title (a deep link to itself) and its answer. */
function noteArticle(site: Site, note: Note): HTMLElement {
  const heading = h(note.kind === 'question' ? 'h3' : 'h2', { class: 'note-title' });
  heading.append(
    note.kind === 'question' ? note.title : 'Overview',
    ' ',
    h('a', { class: 'deep-link', href: `#/note/${note.id}`, 'aria-label': `Link to “${note.title}”` }, '#'),
  );
  const body = h('div', { class: 'answer' });
  setSanitizedHtml(body, site.data.html[note.id] ?? '', note.title, `n-${note.id}`, note.id);
  return h('article', { class: `note note-${note.kind}`, id: `n-${note.id}`, tabindex: -1 }, heading, body);
}

function crumbs(...parts: (readonly [string, string | null])[]): HTMLElement {
  return h(
    'nav',
    { class: 'crumbs', 'aria-label': 'Breadcrumb' },
    h(
      'ol',
      {},
      parts.map(([label, href]) =>
        h('li', {}, href ? h('a', { href }, label) : h('span', { 'aria-current': 'page' }, label)),
      ),
    ),
  );
}

/** Home: every document, its topics and their questions (the table of contents of the whole site). */
function browseView(site: Site): HTMLElement[] {
  const count = questions(site.data.notes).length;
  const out: HTMLElement[] = [
    h('h1', {}, site.data.title),
    h(
      'p',
      { class: 'lede' },
      `${count} question${count === 1 ? '' : 's'} in ${site.documents.size} document${site.documents.size === 1 ? '' : 's'}.`,
    ),
  ];
  for (const doc of site.documents.values()) {
    const loose = site.byTopic.get(`doc:${doc.id}`) ?? [];
    const section = h('section', { class: 'toc-doc', 'aria-labelledby': `d-${doc.id}`, lang: docLang(doc) });
    section.append(h('h2', { id: `d-${doc.id}` }, h('a', { href: `#/doc/${doc.id}` }, doc.title)));
    if (loose.length) section.append(questionList(loose));
    for (const topic of doc.topics) {
      const notes = site.byTopic.get(topic.id) ?? [];
      section.append(
        h(
          'div',
          { class: 'toc-topic' },
          h(
            'h3',
            {},
            h('a', { href: `#/topic/${topic.id}` }, topic.title),
            ' ',
            h('span', { class: 'count' }, `(${questions(notes).length})`),
          ),
          questionList(notes),
        ),
      );
    }
    out.push(section);
  }
  return out;
}

function questionList(notes: readonly Note[]): HTMLElement {
  return h(
    'ol',
    { class: 'questions' },
    questions(notes).map((n) => h('li', {}, h('a', { href: `#/note/${n.id}`, 'data-note': n.id }, n.title))),
  );
}

/** A document: the notes before its first topic, then its topics with their questions. */
function documentView(site: Site, doc: Document): HTMLElement[] {
  const wrap = h('div', { lang: docLang(doc) });
  wrap.append(crumbs(['Notes', '#/'], [doc.title, null]), h('h1', {}, doc.title));
  for (const note of site.byTopic.get(`doc:${doc.id}`) ?? []) wrap.append(noteArticle(site, note));
  for (const topic of doc.topics) {
    const notes = site.byTopic.get(topic.id) ?? [];
    wrap.append(h('h2', {}, h('a', { href: `#/topic/${topic.id}` }, topic.title)), questionList(notes));
  }
  return [wrap];
}

/** A topic: a table of contents of its notes, then every note in full. */
function topicView(site: Site, topicId: string): HTMLElement[] {
  const entry = site.topics.get(topicId);
  if (!entry) return notFound();
  const notes = site.byTopic.get(topicId) ?? [];
  const toc = h(
    'nav',
    { class: 'toc', 'aria-labelledby': 'toc-title' },
    h('h2', { id: 'toc-title' }, 'On this page'),
    h(
      'ol',
      {},
      notes.map((n) => h('li', {}, h('a', { href: `#/note/${n.id}` }, n.kind === 'question' ? n.title : 'Overview'))),
    ),
  );
  const articles = h(
    'div',
    { class: 'notes' },
    notes.map((n) => noteArticle(site, n)),
  );
  const lang = docLang(entry.document);
  return [
    h(
      'div',
      { class: 'topic-page', lang },
      h(
        'div',
        { class: 'topic-head' },
        crumbs(['Notes', '#/'], [entry.document.title, `#/doc/${entry.document.id}`], [entry.topic.title, null]),
        h('h1', {}, entry.topic.title),
        h('p', { class: 'topic-actions' }, h('a', { href: `#/review?deck=${entry.topic.id}` }, 'Review this topic')),
      ),
      toc,
      articles,
    ),
  ];
}

/** What to review: every card, a document's or a topic's (the choice is part of the address). */
function scopePicker(site: Site, scope: string): HTMLElement {
  const counts = new Map<string, number>();
  for (const card of site.data.cards) {
    const note = site.notes.get(card.noteId);
    if (!note) continue;
    counts.set(note.documentId, (counts.get(note.documentId) ?? 0) + 1);
    if (note.topicId) counts.set(note.topicId, (counts.get(note.topicId) ?? 0) + 1);
  }
  const option = (value: string, label: string, count: number): HTMLOptionElement =>
    h('option', { value, selected: value === scope }, `${label} (${count} card${count === 1 ? '' : 's'})`);
  const select = h(
    'select',
    { id: 'deck' },
    option('', 'All notes', site.data.cards.length),
    [...site.documents.values()].map((doc) =>
      h(
        'optgroup',
        { label: doc.title },
        option(doc.id, `All of ${doc.title}`, counts.get(doc.id) ?? 0),
        doc.topics.filter((t) => counts.has(t.id)).map((t) => option(t.id, t.title, counts.get(t.id)!)),
      ),
    ),
  );
  select.addEventListener('change', () => {
    location.hash = select.value ? `#/review?deck=${encodeURIComponent(select.value)}` : '#/review';
  });
  return h('p', { class: 'scope' }, h('label', { for: 'deck' }, 'Cards from '), select);
}

function notFound(): HTMLElement[] {
  return [
    h('h1', {}, 'Not found'),
    h('p', {}, 'This link points to nothing in these notes. ', h('a', { href: '#/' }, 'See all notes.')),
  ];
}

/** Search results: ranked, the query's words marked in titles and snippets. */
function searchView(site: Site, query: string): HTMLElement[] {
  const terms = highlightOf(query);
  const started = performance.now();
  const hits = query.trim() && site.index ? site.index.search(query) : [];
  const took = performance.now() - started;
  performance.measure('notes:search', { start: started, duration: took });
  const status = h('p', { class: 'status', role: 'status' });
  status.textContent = !query.trim()
    ? 'Type to search titles, answers and table cells.'
    : !site.index
      ? 'Preparing the search index…'
      : `${hits.length} result${hits.length === 1 ? '' : 's'} for “${query}”${hits.length > MAX_RESULTS ? `, the first ${MAX_RESULTS} shown` : ''}.`;
  const list = h('ol', { class: 'results' });
  for (const hit of hits.slice(0, MAX_RESULTS)) {
    const note = site.notes.get(hit.id);
    if (!note) continue;
    const doc = site.documents.get(note.documentId);
    const title = h('a', { href: `#/note/${note.id}?q=${encodeURIComponent(query)}`, class: 'result-title' });
    title.append(highlighted(note.kind === 'question' ? note.title : `${note.title} (overview)`, terms));
    const text = note.text + (note.tables.length ? `\n${tableText(note)}` : '');
    const excerpt = h('p', { class: 'snippet' });
    excerpt.append(highlighted(snippet(text, terms), terms));
    list.append(
      h(
        'li',
        { lang: docLang(doc) },
        h('h2', {}, title),
        h('p', { class: 'where' }, [doc?.title, note.topic].filter(Boolean).join(' › ')),
        excerpt,
      ),
    );
  }
  return [h('h1', {}, 'Search'), status, list];
}

/** The page frame: header with search, navigation and theme switch; main; a skip link first. */
function frame(
  site: Site,
  onSearch: (query: string) => void,
): { main: HTMLElement; input: HTMLInputElement; nav: HTMLElement } {
  const input = h('input', {
    type: 'search',
    id: 'q',
    name: 'q',
    placeholder: 'Search notes',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-label': 'Search notes',
  });
  input.addEventListener('input', () => onSearch(input.value));
  const form = h('form', { role: 'search', class: 'search' }, input);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSearch(input.value);
  });
  const nav = h(
    'nav',
    { class: 'primary', 'aria-label': 'Main' },
    h('a', { href: '#/', 'data-nav': 'browse' }, 'Browse'),
    h('a', { href: '#/review', 'data-nav': 'review' }, 'Review'),
  );
  const header = h(
    'header',
    { class: 'top' },
    h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    h('a', { class: 'brand', href: '#/' }, site.data.title),
    form,
    nav,
    themeButton(),
  );
  const main = h('main', { id: 'main', tabindex: -1 });
  document.getElementById('app')!.append(header, main);
  // The skip link must not change the route.
  header.querySelector('.skip')!.addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  return { main, input, nav };
}

function start(): void {
  performance.mark('notes:start');
  initTheme();
  const site = load();
  performance.mark('notes:data');
  document.title = site.data.title;
  let review: ReviewSession | null = null;
  const setRoute = (hash: string): void => {
    // Typing refines one search: one history entry for it, not one per key.
    if (!location.hash.startsWith('#/search')) {
      location.hash = hash;
      return;
    }
    if (location.hash !== hash) history.replaceState(null, '', hash);
    render();
  };
  const { main, input, nav } = frame(site, (query) => setRoute(`#/search?q=${encodeURIComponent(query)}`));

  let drawn = false;
  function render(): void {
    const hash = decodeURI(location.hash.slice(1)) || '/';
    const [path = '/', queryString = ''] = hash.split('?');
    const parts = path.split('/').filter(Boolean);
    const section = parts[0] === 'review' ? 'review' : parts[0] === 'search' ? 'search' : 'browse';
    for (const link of nav.querySelectorAll('a')) {
      if (link.dataset['nav'] === section) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    review?.stop();
    review = null;
    let focusTarget: HTMLElement | null = null;
    let view: HTMLElement[];
    if (parts[0] === 'search') {
      const query = new URLSearchParams(queryString).get('q') ?? '';
      if (document.activeElement !== input) input.value = query;
      view = searchView(site, query);
      if (!site.index) void searchIndex(site).then(() => location.hash.startsWith('#/search') && render());
      document.title = `${query ? `${query} – ` : ''}Search – ${site.data.title}`;
    } else if (parts[0] === 'review') {
      const scope = new URLSearchParams(queryString).get('deck') ?? '';
      const cards = scope
        ? site.data.cards.filter((c) => {
            const note = site.notes.get(c.noteId);
            return note !== undefined && (note.documentId === scope || note.topicId === scope);
          })
        : site.data.cards;
      review = new ReviewSession(cards, site.data.html, site.notes, scopePicker(site, scope));
      view = [review.element];
      document.title = `Review – ${site.data.title}`;
    } else if (parts[0] === 'doc' && parts[1] && site.documents.has(parts[1])) {
      const doc = site.documents.get(parts[1])!;
      view = documentView(site, doc);
      document.title = `${doc.title} – ${site.data.title}`;
    } else if (parts[0] === 'topic' && parts[1]) {
      view = topicView(site, parts[1]);
      document.title = `${site.topics.get(parts[1])?.topic.title ?? 'Not found'} – ${site.data.title}`;
    } else if (parts[0] === 'note' && parts[1] && site.notes.has(parts[1])) {
      const note = site.notes.get(parts[1])!;
      view = note.topicId ? topicView(site, note.topicId) : documentView(site, site.documents.get(note.documentId)!);
      document.title = `${note.title} – ${site.data.title}`;
      focusTarget = view[0]!.querySelector<HTMLElement>(`#n-${CSS.escape(note.id)}`);
      const params = new URLSearchParams(queryString);
      // Arriving from a search: its words are marked in the note too.
      const query = params.get('q');
      if (focusTarget && query) markTerms(focusTarget, highlightOf(query));
      // A link inside the note (a footnote) opened on its own: the note, at its target.
      const at = params.get('at');
      const inside = at ? focusTarget?.querySelector<HTMLElement>(`#${CSS.escape(`n-${note.id}-${at}`)}`) : null;
      if (inside) {
        if (!inside.hasAttribute('tabindex')) inside.setAttribute('tabindex', '-1');
        focusTarget = inside;
      }
    } else if (parts.length === 0) {
      view = browseView(site);
      document.title = site.data.title;
    } else {
      view = notFound();
      document.title = `Not found – ${site.data.title}`;
    }
    main.replaceChildren(...view);
    if (review) {
      review.focus();
    } else if (focusTarget) {
      focusTarget.classList.add('target');
      focusTarget.scrollIntoView({ block: 'start' });
      focusTarget.focus({ preventScroll: true });
    } else if (parts[0] !== 'search') {
      window.scrollTo(0, 0);
      // A new page: the keyboard starts at its content, unless the reader is typing a search. The first page
      // leaves focus where the browser puts it, so Tab reaches the skip link first.
      if (drawn && document.activeElement !== input) main.focus({ preventScroll: true });
    }
  }

  window.addEventListener('hashchange', render);
  render();
  drawn = true;
  performance.mark('notes:ready');
  // Build the search index once the first view is up, so the first search is instant too.
  const build = (): void => void searchIndex(site);
  if ('requestIdleCallback' in window) requestIdleCallback(build, { timeout: 1000 });
  else setTimeout(build, 0);
}

start();
