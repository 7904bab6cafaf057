import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { LspSession } from '../lsp/session.js';

/**
 * `notes lsp`: a language server over stdio (diagnostics, quick fixes, fix all, opt-in formatting). Resolves
 * when the client closes the connection; the `exit` notification ends the process (0 after `shutdown`).
 */
export async function lspCommand(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  const session = new LspSession(connection);
  const closed = new Promise<number>((done) => connection.onExit(() => done(0)));
  connection.listen();
  const code = await Promise.race([closed, new Promise<number>((done) => input.once('end', () => done(0)))]);
  session.dispose();
  return code;
}
