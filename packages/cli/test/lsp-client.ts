import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** The `notes` bin, as an editor starts it. */
export const BIN = new URL('../bin/notes.js', import.meta.url).pathname;

/** A JSON-RPC client over a spawned `notes lsp --stdio`, recording every publishDiagnostics. */
export interface LspClient {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the first diagnostics for `uri` published after this call that satisfy `accept`. */
  nextDiagnostics(
    uri: string,
    accept?: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  stop(): Promise<number | null>;
}

/** Start `notes lsp --stdio` in `cwd` and connect to it. */
export function startLsp(cwd: string): LspClient {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio', `--clientProcessId=${process.pid}`], {
    cwd,
    env: { ...process.env, NOTES_DEBUG: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiters: {
    uri: string;
    accept: (p: PublishDiagnosticsParams) => boolean;
    done: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    for (const w of [...waiters]) {
      if (w.uri === params.uri && w.accept(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(params);
      }
    }
  });
  connection.listen();
  return {
    connection,
    child,
    nextDiagnostics(uri, accept = () => true, timeoutMs = 30_000) {
      return new Promise((done, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${stderr}`)),
          timeoutMs,
        );
        waiters.push({
          uri,
          accept,
          done: (p) => {
            clearTimeout(timer);
            done(p);
          },
        });
      });
    },
    async stop() {
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

/** A `file:` URI. */
export const uriOf = (path: string): string => pathToFileURL(path).href;
