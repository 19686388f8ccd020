'use strict';
// The chat view (a webview in the Spark side bar): sends spark/chat, streams spark/chatEvent by token,
// cancels, and keeps the session and the chosen agent.
const vscode = require('vscode');

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
    const script = view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'chat.js'));
    const style = view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'chat.css'));
    view.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${view.webview.cspSource}; script-src 'nonce-${nonce}';">
<link rel="stylesheet" href="${style}"></head><body>
<div id="status"></div><div id="transcript"></div>
<form id="prompt"><textarea id="message" rows="3" placeholder="Ask Spark (Enter sends, Shift+Enter for a new line)"></textarea>
<div class="buttons"><button type="submit" id="send">Send</button><button type="button" id="cancel" disabled>Cancel</button>
<button type="button" id="agent">Agent</button></div></form>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
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
      case 'send': return this.send(message.text, vscode.window.activeTextEditor);
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

  /** Sends `text` with the editor's document and selection as context. */
  async send(text, editor) {
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
    this.post({ type: 'user', text, context: context.range ? `${editor.document.fileName.split(/[\\/]/).pop()}:${context.range.start.line + 1}-${context.range.end.line + 1}` : undefined });
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
