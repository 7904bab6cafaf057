import { createEmptyCard, fsrs, generatorParameters, Rating, State, TypeConvert, type Card, type Grade } from 'ts-fsrs';

/** The review state of one card, as stored (dates as ISO strings). */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string;
}

/** Everything the site remembers about reviews, keyed by the cards' stable keys (note ids). */
export interface ReviewState {
  format: 'notes-site-review';
  version: 1;
  cards: Record<string, StoredCard>;
}

/** The `localStorage` key; one state for every site on the same origin, since card keys are note ids. */
export const STORAGE_KEY = 'notes-site:review';

/** New cards introduced in one session (Anki's default). */
export const NEW_PER_SESSION = 20;
/** A card rated in this session and due again within this many minutes comes back before the session ends. */
export const LEARN_AHEAD_MINUTES = 20;

/** FSRS with its published defaults; no fuzz, so the same ratings at the same times give the same schedule. */
export const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

/** The four grades, in key order (1–4). */
export const GRADES: readonly { grade: Grade; label: string; key: string }[] = [
  { grade: Rating.Again, label: 'Again', key: '1' },
  { grade: Rating.Hard, label: 'Hard', key: '2' },
  { grade: Rating.Good, label: 'Good', key: '3' },
  { grade: Rating.Easy, label: 'Easy', key: '4' },
];

export function emptyState(): ReviewState {
  return { format: 'notes-site-review', version: 1, cards: {} };
}

function isStoredCard(value: unknown): value is StoredCard {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['due'] === 'string' &&
    !Number.isNaN(Date.parse(v['due'])) &&
    ['stability', 'difficulty', 'scheduled_days', 'reps', 'lapses', 'state'].every(
      (k) => typeof v[k] === 'number' && Number.isFinite(v[k]),
    )
  );
}

/**
 * A review state from untrusted JSON (an imported file, or storage another version wrote): invalid cards are
 * dropped and counted, never thrown on.
 */
export function parseState(text: string): { state: ReviewState; dropped: number } {
  const state = emptyState();
  let dropped = 0;
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || (value as ReviewState).format !== 'notes-site-review') {
    throw new Error('not a review state exported by this site (format "notes-site-review" missing)');
  }
  const cards = (value as ReviewState).cards;
  if (typeof cards !== 'object' || cards === null) return { state, dropped };
  for (const [key, card] of Object.entries(cards)) {
    if (isStoredCard(card)) state.cards[key] = card;
    else dropped++;
  }
  return { state, dropped };
}

/** Merge an imported state into the current one: for each card, the more recently reviewed state wins. */
export function mergeStates(current: ReviewState, incoming: ReviewState): { state: ReviewState; changed: number } {
  const cards = { ...current.cards };
  let changed = 0;
  for (const [key, card] of Object.entries(incoming.cards)) {
    const mine = cards[key];
    const theirs = Date.parse(card.last_review ?? card.due);
    if (!mine || theirs > Date.parse(mine.last_review ?? mine.due)) {
      cards[key] = card;
      changed++;
    }
  }
  return { state: { ...current, cards }, changed };
}

export function toCard(stored: StoredCard | undefined, now: Date): Card {
  return stored ? TypeConvert.card({ ...stored, state: stored.state as State }) : createEmptyCard(now);
}

export function fromCard(card: Card): StoredCard {
  const out: StoredCard = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) out.last_review = card.last_review.toISOString();
  return out;
}

/** Rate a card now: its next state. */
export function rate(stored: StoredCard | undefined, grade: Grade, now: Date): StoredCard {
  return fromCard(scheduler.next(toCard(stored, now), now, grade).card);
}

/** What each grade would schedule, for the buttons (`<1m`, `10m`, `3d`). */
export function previews(stored: StoredCard | undefined, now: Date): Map<Grade, string> {
  const preview = scheduler.repeat(toCard(stored, now), now);
  const out = new Map<Grade, string>();
  for (const { grade } of GRADES) out.set(grade, formatInterval(preview[grade].card.due.getTime() - now.getTime()));
  return out;
}

/** An interval the way Anki's buttons show it. */
export function formatInterval(ms: number): string {
  const minutes = ms / 60000;
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round((days / 30) * 10) / 10}mo`;
  return `${Math.round((days / 365) * 10) / 10}y`;
}

/**
 * The session's queue at `now`: cards due (learning first, then reviews, each by due time), then up to `newLimit`
 * cards never reviewed, in deck order.
 */
export function dueQueue(keys: readonly string[], state: ReviewState, now: Date, newLimit = NEW_PER_SESSION): string[] {
  const due: { key: string; at: number; learning: boolean }[] = [];
  const fresh: string[] = [];
  for (const key of keys) {
    const card = state.cards[key];
    if (!card) {
      if (fresh.length < newLimit) fresh.push(key);
      continue;
    }
    const at = Date.parse(card.due);
    if (at <= now.getTime()) due.push({ key, at, learning: card.state !== State.Review });
  }
  due.sort((a, b) => Number(b.learning) - Number(a.learning) || a.at - b.at);
  return [...due.map((d) => d.key), ...fresh];
}
