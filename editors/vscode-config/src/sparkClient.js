'use strict';
// The spark-lsp language client: start, restart, settings, and the spark/* requests.
const vscode = require('vscode');
const { LanguageClient, State } = require('vscode-languageclient/node');
const { sparkSettings, serverCommand } = require('./settings');

class SparkClient {
  /** @param {vscode.OutputChannel} output  @param {(event: object) => void} onChatEvent */
  constructor(output, onChatEvent) {
    this.output = output;
    this.onChatEvent = onChatEvent;
    this.client = undefined;
  }

  async start() {
    const { command, args, env } = serverCommand();
    const serverOptions = { command, args, options: { env } };
    const clientOptions = {
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      outputChannel: this.output,
      traceOutputChannel: this.output,
      initializationOptions: sparkSettings(),
      middleware: {
        workspace: {
          // workspace/configuration (section `spark`): the cleaned settings, not VS Code's raw section.
          configuration: async (params, token, next) => {
            const raw = await next(params, token);
            return params.items.map((item, index) => {
              if (item.section !== 'spark') return raw[index];
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              return sparkSettings(scope);
            });
          },
        },
      },
    };
    this.client = new LanguageClient('spark', 'Spark', serverOptions, clientOptions);
    this.client.onNotification('spark/chatEvent', (event) => this.onChatEvent(event));
    await this.client.start();
  }

  async stop() {
    if (this.client && this.client.state !== State.Stopped) await this.client.stop();
    this.client = undefined;
  }

  async restart() {
    await this.stop();
    await this.start();
  }

  /** Pushes the current settings with workspace/didChangeConfiguration. */
  pushSettings() {
    if (!this.client) return;
    this.client.sendNotification('workspace/didChangeConfiguration', { settings: { spark: sparkSettings() } });
  }

  ready() {
    if (!this.client || this.client.state !== State.Running) throw new Error('spark-lsp is not running (Spark: Restart Server)');
    return this.client;
  }

  /** spark/chat; cancelling `token` sends $/cancelRequest (the reply is then -32800). */
  chat(params, token) {
    return this.ready().sendRequest('spark/chat', params, token);
  }

  request(method, params) {
    return this.ready().sendRequest(method, params === undefined ? {} : params);
  }

  /** The protocol form of a VS Code document and selection, for the `textDocument` / `range` chat params. */
  context(editor) {
    if (!editor) return {};
    const converter = this.ready().code2ProtocolConverter;
    const context = { textDocument: { uri: converter.asUri(editor.document.uri) } };
    if (!editor.selection.isEmpty) context.range = converter.asRange(editor.selection);
    return context;
  }
}

module.exports = { SparkClient };
