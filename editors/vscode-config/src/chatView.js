'use strict';
// The chat view (a webview in the Spark side bar): sends spark/chat, streams spark/chatEvent by token,
// cancels, and keeps the session and the chosen agent.
const vscode = require('vscode');
const { chatPageHTML } = require('./chatPage');

const REQUEST_CANCELLED = -32800;

class ChatView {
  /** @param {vscode.ExtensionContext} context  @param {import('./sparkClient').SparkClient} spark */
  constructor(context, spark) {
    this.context = context;
    this.spark = spark;
    this.view = undefined;
    this.pending = [];       // messages posted before the webview was ready
    this.sessionId = context.workspaceState.get('spark.sessionId');
    this.agent = context.workspaceState.get('spark.agent');
    this.run = undefined;    // { token, cancellation }
    this.counter = 0;
  }

  resolveWebviewView(view) {
    this.view = view;
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    const nonce = String(Date.now()) + Math.random().toString(36).slice(2);
    const uri = (name) => String(view.webview.asWebviewUri(vscode.Uri.joinPath(media, name)));
    view.webview.html = chatPageHTML({
      cspSource: view.webview.cspSource, nonce, scripts: [uri('markdown.js'), uri('chat.js')], styles: [uri('chat.css')],
    });
    view.webview.onDidReceiveMessage((message) => this.receive(message), undefined, this.context.subscriptions);
    view.onDidDispose(() => { this.view = undefined; });
    this.status();
    for (const message of this.pending.splice(0)) this.post(message);
  }

  post(message) {
    if (this.view) this.view.webview.postMessage(message);
    else this.pending.push(message);
  }

  status() {
    this.post({ type: 'status', agent: this.agent || 'default', sessionId: this.sessionId || 'new', running: !!this.run });
  }

  receive(message) {
    switch (message.type) {
      case 'send': return this.send(message.text, vscode.window.activeTextEditor, message.images);
      case 'open': return this.open(message.uri, message.range);
      case 'cancel': return this.cancel();
      case 'agent': return vscode.commands.executeCommand('spark.pickAgent');
      default: return undefined;
    }
  }

  /** spark/chatEvent: events of our run by token; others (code actions, spark.chat) are shown as they come. */
  onEvent(event) {
    if (event.sessionId && this.run && event.token === this.run.token) this.setSession(event.sessionId);
    this.post({ type: 'event', event, own: !!(this.run && event.token === this.run.token) });
  }

  setSession(id) {
    this.sessionId = id;
    this.context.workspaceState.update('spark.sessionId', id);
  }

  setAgent(name) {
    this.agent = name;
    this.context.workspaceState.update('spark.agent', name);
    this.status();
  }

  async reveal() {
    await vscode.commands.executeCommand('spark.chatView.focus');
  }

  /** Opens a citation's or an edit's file (a `file:` URI) with `range` (LSP, 0-based) selected. */
  async open(uri, range) {
    if (typeof uri !== 'string' || !uri.startsWith('file:')) return;
    const options = { preview: true };
    if (range && range.start && range.end) {
      options.selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    }
    try {
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), options);
    } catch (error) {
      vscode.window.showErrorMessage(`Spark: cannot open ${uri}: ${error && error.message ? error.message : error}`);
    }
  }

  /**
   * Sends `text` with the editor's document and selection as context, and `images` (data URLs from the view's
   * picker or drops, `file:` URIs, workspace paths) when there are any.
   */
  async send(text, editor, images) {
    if (!text || !text.trim()) return;
    if (this.run) {
      vscode.window.showWarningMessage('Spark: a chat is running; cancel it first.');
      return;
    }
    const token = `vscode-${process.pid}-${++this.counter}`;
    const cancellation = new vscode.CancellationTokenSource();
    this.run = { token, cancellation };
    let context = {};
    try {
      context = this.spark.context(editor);
    } catch (error) {
      this.run = undefined;
      vscode.window.showErrorMessage(`Spark: ${error.message}`);
      return;
    }
    const params = Object.assign({ message: text, token, sessionId: this.sessionId, agent: this.agent }, context);
    const attached = Array.isArray(images) ? images.filter((image) => typeof image === 'string' && image) : [];
    if (attached.length) params.images = attached;
    this.post({ type: 'user', text, images: attached.length, context: context.range ? `${editor.document.fileName.split(/[\\/]/).pop()}:${context.range.start.line + 1}-${context.range.end.line + 1}` : undefined });
    this.status();
    try {
      const result = await this.spark.chat(params, cancellation.token);
      if (result && result.sessionId) this.setSession(result.sessionId);
      for (const edit of (result && result.edits) || []) {
        if (!edit.applied && edit.edit) this.offerEdit(edit);
      }
      this.post({ type: 'result', result });
    } catch (error) {
      if (error && error.code === REQUEST_CANCELLED) this.post({ type: 'note', text: 'cancelled' });
      else this.post({ type: 'note', text: `failed: ${error && error.message ? error.message : error}` });
    } finally {
      cancellation.dispose();
      this.run = undefined;
      this.status();
    }
  }

  /** An edit the server could not apply through workspace/applyEdit comes back in the reply. */
  async offerEdit(edit) {
    const choice = await vscode.window.showInformationMessage(`Spark edited ${edit.path} but could not apply it.`, 'Apply');
    if (choice !== 'Apply') return;
    const converter = this.spark.ready().protocol2CodeConverter;
    await vscode.workspace.applyEdit(await converter.asWorkspaceEdit(edit.edit));
  }

  /** Cancels the running chat: $/cancelRequest through the request's cancellation token. */
  cancel() {
    if (!this.run) return false;
    this.run.cancellation.cancel();
    return true;
  }

  clear(note) {
    this.post({ type: 'clear' });
    if (note) this.post({ type: 'note', text: note });
    this.status();
  }

  showHistory(session) {
    this.post({ type: 'history', session });
    this.status();
  }
}

module.exports = { ChatView };
