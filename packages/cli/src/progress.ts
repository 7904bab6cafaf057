import type { Output } from './context.js';

/** A one-line progress display, drawn only when the stream is a terminal and the run is long enough to need it. */
export function progress(stream: Output, total: number, label: string): { tick(name: string): void; done(): void } {
  const active = stream.isTTY === true && total >= 20;
  let n = 0;
  let last = 0;
  return {
    tick(name) {
      n++;
      if (!active) return;
      const now = Date.now();
      if (now - last < 80 && n < total) return;
      last = now;
      const text = `${label} ${n}/${total} ${name}`;
      stream.write(`\r\u001b[2K${text.length > 100 ? `${text.slice(0, 97)}...` : text}`);
    },
    done() {
      if (active) stream.write('\r\u001b[2K');
    },
  };
}
