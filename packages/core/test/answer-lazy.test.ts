import { beforeEach, describe, expect, it, vi } from 'vitest';

// Count the answer's Markdown slice and plain text where the model makes them.
vi.mock('../src/slice.js', async (importOriginal) => {
  const slice = await importOriginal<typeof import('../src/slice.js')>();
  return { ...slice, sliceMarkdown: vi.fn(slice.sliceMarkdown) };
});
vi.mock('../src/text.js', async (importOriginal) => {
  const text = await importOriginal<typeof import('../src/text.js')>();
  return { ...text, blocksText: vi.fn(text.blocksText) };
});
vi.mock('../src/callouts.js', async (importOriginal) => {
  const callouts = await importOriginal<typeof import('../src/callouts.js')>();
  return { ...callouts, collectCallouts: vi.fn(callouts.collectCallouts) };
});
const { sliceMarkdown } = await import('../src/slice.js');
const { collectCallouts } = await import('../src/callouts.js');
const { blocksText } = await import('../src/text.js');
const { buildDocument } = await import('../src/structure.js');
const { parseMarkdown } = await import('../src/parse.js');
const { sourceFromText } = await import('../src/source.js');

const NOTES = [
  '# Notes',
  '',
  '## Queues',
  '',
  '### What does SQS do?',
  '',
  'It **queues** messages.',
  '',
  '- for 14 days',
  '- up to 256 KB',
  '',
  '### What does SNS do?',
  '',
  'It fans messages out.',
  '',
  '> **Tip:** use a filter policy.',
  '',
].join('\n');

const model = () => buildDocument(sourceFromText(NOTES, 'notes.md'), parseMarkdown(NOTES));

describe("a note's answer and callouts are made when first read (issue 14: the deck reads neither)", () => {
  beforeEach(() => {
    vi.mocked(sliceMarkdown).mockClear();
    vi.mocked(blocksText).mockClear();
    vi.mocked(collectCallouts).mockClear();
  });

  it('makes neither the Markdown, the text nor the callouts while building the model', () => {
    const doc = model();
    expect(doc.notes).toHaveLength(2);
    expect(sliceMarkdown).not.toHaveBeenCalled();
    expect(blocksText).not.toHaveBeenCalled();
    expect(collectCallouts).not.toHaveBeenCalled();
  });

  it('finds the callouts once, on first read', () => {
    const [, sns] = model().notes;
    expect(sns!.callouts.map((c) => [c.label, c.text, c.line])).toEqual([['Tip', 'Tip: use a filter policy.', 16]]);
    expect(sns!.callouts).toBe(sns!.callouts);
    expect(collectCallouts).toHaveBeenCalledTimes(1);
    expect(JSON.parse(JSON.stringify(sns!.callouts.map(({ node: _node, ...c }) => c)))).toEqual([
      { label: 'Tip', markdown: '**Tip:** use a filter policy.', text: 'Tip: use a filter policy.', line: 16 },
    ]);
  });

  it('makes each once, on first read, with the values of the answer', () => {
    const [sqs] = model().notes;
    expect(sqs!.answer.markdown).toBe('It **queues** messages.\n\n- for 14 days\n- up to 256 KB');
    expect(sqs!.answer.markdown).toBe('It **queues** messages.\n\n- for 14 days\n- up to 256 KB');
    expect(sliceMarkdown).toHaveBeenCalledTimes(1);
    expect(blocksText).not.toHaveBeenCalled();
    expect(sqs!.answer.text).toBe('It queues messages.\n\n- for 14 days\n- up to 256 KB');
    expect(sqs!.answer.text).toBe(sqs!.answer.text);
    expect(blocksText).toHaveBeenCalledTimes(1);
  });

  it('shows both values to JSON, to spreading and to structured cloning (the PDF thread)', () => {
    const [, sns] = model().notes;
    const plain = {
      markdown: 'It fans messages out.\n\n> **Tip:** use a filter policy.',
      text: 'It fans messages out.\n\nTip: use a filter policy.',
    };
    expect(JSON.parse(JSON.stringify(sns!.answer))).toEqual(plain);
    expect(Object.keys(sns!.answer)).toEqual(['markdown', 'text']);
    expect({ ...sns!.answer }).toEqual(plain);
    expect(structuredClone(sns!.answer)).toEqual(plain);
  });

  it('gives every note the same getters, so that V8 keeps the notes as objects of one shape, not dictionaries', () => {
    const [sqs, sns] = model().notes;
    for (const [object, other, key] of [
      [sqs, sns, 'callouts'],
      [sqs!.answer, sns!.answer, 'markdown'],
      [sqs!.answer, sns!.answer, 'text'],
    ] as const) {
      const mine = Object.getOwnPropertyDescriptor(object, key)!;
      expect(mine).toMatchObject({ enumerable: true, configurable: true });
      expect(mine.get).toBe(Object.getOwnPropertyDescriptor(other, key)!.get);
    }
    // What the getters read is not a field anyone sees.
    expect(Object.keys(sqs!)).toEqual([
      'id',
      'kind',
      'title',
      'topic',
      'topicId',
      'document',
      'documentId',
      'answer',
      'tables',
      'callouts',
      'tags',
      'source',
      'heading',
      'body',
    ]);
    expect(Object.keys(structuredClone(sqs!))).toEqual(Object.keys(sqs!));
    expect(structuredClone(sqs!).callouts).toEqual([]);
  });
});
