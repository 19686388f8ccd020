'use strict';
// Spark for VS Code: starts `spark-lsp --stdio` with vscode-languageclient (code actions, edits through
// workspace/applyEdit, approvals through showMessageRequest and progress come with the client), and adds a
// chat view streaming spark/chatEvent, cancel, an agent picker and sessions.
const vscode = require('vscode');
const { SparkClient } = require('./sparkClient');
const { ChatView } = require('./chatView');

let spark;

async function pickAgent(chat) {
  const { agents } = await spark.request('spark/agents');
  const items = [{ label: 'default', description: 'the defaultAgent setting decides', name: undefined }].concat(
    (agents || []).map((agent) => ({
      label: agent.name,
      description: agent.model,
      detail: `${agent.description}${agent.tools && agent.tools.length ? ' · tools: ' + agent.tools.join(', ') : ''}`,
      name: agent.name,
    })));
  const choice = await vscode.window.showQuickPick(items, { placeHolder: `Agent for the next chats (now: ${chat.agent || 'default'})` });
  if (choice) chat.setAgent(choice.name);
}

async function pickSession(chat) {
  const { sessions } = await spark.request('spark/sessions');
  if (!sessions || sessions.length === 0) {
    vscode.window.showInformationMessage('Spark: no sessions yet.');
    return;
  }
  const choice = await vscode.window.showQuickPick(sessions.map((session) => ({
    label: session.title || session.id,
    description: `${session.agent} · ${session.messageCount} messages`,
    detail: session.updatedAt,
    id: session.id,
  })), { placeHolder: 'Continue a Spark session' });
  if (!choice) return;
  chat.setSession(choice.id);
  await chat.reveal();
  chat.showHistory(await spark.request('spark/session', { sessionId: choice.id }));
}

function guarded(fn) {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      vscode.window.showErrorMessage(`Spark: ${error && error.message ? error.message : error}`);
      return undefined;
    }
  };
}

async function activate(context) {
  const output = vscode.window.createOutputChannel('Spark');
  let chat;
  spark = new SparkClient(output, (event) => chat.onEvent(event));
  chat = new ChatView(context, spark);
  const command = (id, fn) => context.subscriptions.push(vscode.commands.registerCommand(id, guarded(fn)));

  context.subscriptions.push(
    output,
    vscode.window.registerWebviewViewProvider('spark.chatView', chat, { webviewOptions: { retainContextWhenHidden: true } }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('spark.server')) {
        vscode.window.showInformationMessage('Spark: server settings changed.', 'Restart Server').then((choice) => {
          if (choice) vscode.commands.executeCommand('spark.restartServer');
        });
      } else if (event.affectsConfiguration('spark')) {
        spark.pushSettings();
      }
    }),
    { dispose: () => spark.stop() });

  command('spark.openChat', () => chat.reveal());
  command('spark.ask', async () => {
    const text = await vscode.window.showInputBox({ prompt: 'Ask Spark' });
    if (!text) return;
    await chat.reveal();
    await chat.send(text, vscode.window.activeTextEditor);
  });
  command('spark.askSelection', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      vscode.window.showInformationMessage('Spark: select some code first.');
      return;
    }
    const text = await vscode.window.showInputBox({ prompt: 'Ask Spark about the selection', value: 'Explain this code.' });
    if (!text) return;
    await chat.reveal();
    await chat.send(text, editor);
  });
  command('spark.cancel', () => {
    if (!chat.cancel()) vscode.window.showInformationMessage('Spark: no chat is running.');
  });
  command('spark.pickAgent', () => pickAgent(chat));
  command('spark.pickSession', () => pickSession(chat));
  command('spark.resetSession', async () => {
    if (!chat.sessionId) return chat.clear('new session');
    await spark.request('spark/resetSession', { sessionId: chat.sessionId });
    return chat.clear(`session ${chat.sessionId} reset`);
  });
  command('spark.newSession', () => {
    chat.setSession(undefined);
    chat.clear('new session');
  });
  command('spark.restartServer', () => spark.restart());

  try {
    await spark.start();
  } catch (error) {
    vscode.window.showErrorMessage(`Spark: could not start spark-lsp: ${error && error.message ? error.message : error}. Set spark.server.path.`);
  }
}

async function deactivate() {
  if (spark) await spark.stop();
}

module.exports = { activate, deactivate };
