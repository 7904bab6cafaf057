import type { Grade } from 'ts-fsrs';
import type { SiteCard, SiteNote as Note } from '../src/site-data.js';
import { h, setSanitizedHtml } from './dom.js';
import {
  dueQueue,
  emptyState,
  GRADES,
  LEARN_AHEAD_MINUTES,
  mergeStates,
  parseState,
  previews,
  rate,
  STORAGE_KEY,
  type ReviewState,
} from './schedule.js';

function readState(): ReviewState {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? parseState(text).state : emptyState();
  } catch {
    return emptyState();
  }
}

function writeState(state: ReviewState): boolean {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}

/** One review session: the queue, the card shown, the tally; it listens to the keyboard while shown. */
export class ReviewSession {
  readonly element: HTMLElement;
  private readonly cards: Map<string, SiteCard>;
  private state: ReviewState;
  private queue: string[] = [];
  /** Cards rated in this session that come back when due (learning steps). */
  private readonly again = new Map<string, number>();
  private current: string | null = null;
  private revealed = false;
  private readonly tally = new Map<Grade, number>();
  private readonly seen = new Set<string>();
  private readonly started = Date.now();
  private readonly status: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly onKey = (event: KeyboardEvent): void => this.key(event);

  constructor(
    private readonly list: readonly SiteCard[],
    private readonly html: Readonly<Record<string, string>>,
    private readonly notes: ReadonlyMap<string, Note>,
    /** Shown under the heading: what the session reviews (a chooser of documents and topics). */
    scope: HTMLElement | null = null,
  ) {
    this.cards = new Map(list.map((c) => [c.key, c]));
    this.state = readState();
    this.status = h('p', { class: 'status', role: 'status' });
    this.stage = h('div', { class: 'stage' });
    this.element = h('div', { class: 'review' }, h('h1', {}, 'Review'), scope, this.status, this.stage, this.tools());
    this.queue = dueQueue(
      list.map((c) => c.key),
      this.state,
      new Date(),
    );
    document.addEventListener('keydown', this.onKey);
    this.next();
  }

  /** Put the keyboard on the card's first action (once the view is in the page). */
  focus(): void {
    this.stage.querySelector<HTMLElement>('.actions button, .summary a')?.focus();
  }

  /** Stop listening (the view is being replaced). */
  stop(): void {
    document.removeEventListener('keydown', this.onKey);
  }

  private tools(): HTMLElement {
    const file = h('input', {
      type: 'file',
      accept: 'application/json,.json',
      class: 'visually-hidden',
      id: 'import-file',
      tabindex: -1,
      'aria-label': 'Progress file to import',
    });
    const message = h('p', { class: 'tool-message', role: 'status' });
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      chosen.text().then(
        (text) => {
          try {
            const { state, dropped } = parseState(text);
            const merged = mergeStates(readState(), state);
            this.state = merged.state;
            writeState(this.state);
            message.textContent = `Imported ${merged.changed} card state${merged.changed === 1 ? '' : 's'}${dropped ? ` (${dropped} invalid skipped)` : ''}.`;
            this.queue = dueQueue(
              this.list.map((c) => c.key),
              this.state,
              new Date(),
            ).filter((k) => !this.seen.has(k));
            this.current = null;
            this.next();
          } catch (error) {
            message.textContent = `Not imported: ${chosen.name} is ${error instanceof SyntaxError ? 'not JSON' : (error as Error).message}.`;
          }
          file.value = '';
        },
        () => (message.textContent = `Not imported: ${chosen.name} could not be read.`),
      );
    });
    return h(
      'section',
      { class: 'tools', 'aria-labelledby': 'tools-title' },
      h('h2', { id: 'tools-title' }, 'Review progress'),
      h('p', {}, 'Progress is kept in this browser. Save it to a file to move it to another browser or keep a copy. '),
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'button', onclick: () => this.exportState() }, 'Export progress'),
        h('button', { type: 'button', onclick: () => file.click() }, 'Import progress'),
        file,
      ),
      message,
    );
  }

  private exportState(): void {
    const blob = new Blob([`${JSON.stringify(readState(), null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: `notes-review-${new Date().toISOString().slice(0, 10)}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private pick(): string | null {
    const now = Date.now();
    while (this.queue.length) {
      const key = this.queue.shift()!;
      if (this.cards.has(key)) return key;
    }
    // Learning cards of this session, once due (or due within the learn-ahead limit when nothing else is left).
    let best: [string, number] | null = null;
    for (const [key, due] of this.again) if (!best || due < best[1]) best = [key, due];
    if (best && best[1] <= now + LEARN_AHEAD_MINUTES * 60000) {
      this.again.delete(best[0]);
      return best[0];
    }
    return null;
  }

  private next(): void {
    this.current = this.pick();
    this.revealed = false;
    if (!this.current) {
      this.summary();
      return;
    }
    this.show();
  }

  private remaining(): number {
    return this.queue.filter((k) => this.cards.has(k)).length + this.again.size + (this.current ? 1 : 0);
  }

  private show(): void {
    const card = this.cards.get(this.current!)!;
    const note = this.notes.get(card.noteId);
    this.status.textContent = `${this.remaining()} card${this.remaining() === 1 ? '' : 's'} left in this session.`;
    const front = h('div', { class: 'card-front' });
    setSanitizedHtml(front, card.front, 'card front', 'card-front', card.noteId);
    const where = [note?.document, note?.topic].filter(Boolean).join(' › ');
    const face = h(
      'section',
      { class: 'card', 'data-card-key': card.key, 'aria-labelledby': 'card-q' },
      h('p', { class: 'where' }, where),
      h('h2', { id: 'card-q', class: 'card-question' }, front),
      card.context
        ? h('p', { class: 'context' }, h('span', { class: 'visually-hidden' }, 'From: '), card.context)
        : null,
    );
    const reveal = h(
      'button',
      { type: 'button', class: 'primary reveal', onclick: () => this.reveal() },
      'Show answer ',
      h('kbd', {}, 'Space'),
    );
    this.stage.replaceChildren(face, h('div', { class: 'actions' }, reveal));
    if (this.element.isConnected) reveal.focus();
  }

  private reveal(): void {
    if (!this.current || this.revealed) return;
    this.revealed = true;
    const card = this.cards.get(this.current)!;
    const face = this.stage.querySelector('.card')!;
    const back = h('div', { class: 'card-back answer', id: 'card-answer' });
    setSanitizedHtml(back, card.back ?? this.html[card.noteId] ?? '', 'answer', 'card-back', card.noteId);
    const note = this.notes.get(card.noteId);
    face.append(h('hr', {}), back);
    if (note) face.append(h('p', { class: 'source' }, h('a', { href: `#/note/${note.id}` }, 'Open the note')));
    const preview = previews(this.state.cards[card.key], new Date());
    const buttons = GRADES.map(({ grade, label, key }) =>
      h(
        'button',
        {
          type: 'button',
          class: `rate rate-${label.toLowerCase()}`,
          'data-grade': grade,
          onclick: () => this.rate(grade),
        },
        h('span', { class: 'rate-label' }, label),
        h('span', { class: 'rate-when' }, preview.get(grade) ?? ''),
        h('kbd', {}, key),
      ),
    );
    const actions = h(
      'div',
      { class: 'actions rating', role: 'group', 'aria-label': 'How well did you remember?' },
      buttons,
    );
    this.stage.querySelector('.actions')!.replaceWith(actions);
    buttons[2]!.focus();
  }

  private rate(grade: Grade): void {
    if (!this.current || !this.revealed) return;
    const key = this.current;
    const now = new Date();
    const next = rate(this.state.cards[key], grade, now);
    // Re-read first: another tab may have rated other cards meanwhile.
    this.state = readState();
    this.state.cards[key] = next;
    if (!writeState(this.state)) this.status.textContent = 'Progress could not be saved: this browser refuses storage.';
    this.tally.set(grade, (this.tally.get(grade) ?? 0) + 1);
    this.seen.add(key);
    const due = Date.parse(next.due);
    if (due <= now.getTime() + LEARN_AHEAD_MINUTES * 60000) this.again.set(key, due);
    this.next();
  }

  private summary(): void {
    const total = [...this.tally.values()].reduce((a, b) => a + b, 0);
    const minutes = Math.max(1, Math.round((Date.now() - this.started) / 60000));
    const upcoming = Object.entries(this.state.cards)
      .filter(([k]) => this.cards.has(k))
      .map(([, c]) => Date.parse(c.due))
      .filter((t) => t > Date.now())
      .sort((a, b) => a - b)[0];
    this.status.textContent = total ? 'Session complete.' : 'Nothing to review right now.';
    const rows = GRADES.map(({ grade, label }) =>
      h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, String(this.tally.get(grade) ?? 0))),
    );
    this.stage.replaceChildren(
      h(
        'section',
        { class: 'summary', 'aria-labelledby': 'summary-title' },
        h('h2', { id: 'summary-title' }, 'Session summary'),
        h(
          'p',
          {},
          total
            ? `${this.seen.size} card${this.seen.size === 1 ? '' : 's'} reviewed, ${total} rating${total === 1 ? '' : 's'}, in about ${minutes} minute${minutes === 1 ? '' : 's'}.`
            : 'Every card is scheduled for later.',
        ),
        total ? h('table', { class: 'tally' }, h('caption', {}, 'Ratings'), h('tbody', {}, rows)) : null,
        upcoming ? h('p', {}, `Next card due ${new Date(upcoming).toLocaleString()}.`) : null,
        h('p', {}, h('a', { href: '#/' }, 'Back to the notes')),
      ),
    );
  }

  private key(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    if (!this.current) return;
    if (event.key === ' ' && !this.revealed) {
      event.preventDefault();
      this.reveal();
      return;
    }
    const grade = GRADES.find((g) => g.key === event.key);
    if (grade && this.revealed) {
      event.preventDefault();
      this.rate(grade.grade);
    }
  }
}
