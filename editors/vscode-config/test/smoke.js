'use strict';
// Activates the extension against stand-ins for `vscode` and `vscode-languageclient/node` (neither is available
// outside VS Code / without npm) and checks the chat flow: settings sent to the server, events streamed by token,
// the session kept, cancel through the request's cancellation token, the agent picker. Run: node test/smoke.js
const Module = require('module');
const assert = require('assert');
const path = require('path');

const State = { Stopped: 1, Running: 2, Starting: 3 };
const commands = {};
const posted = [];
const notices = [];
const requests = [];
const notifications = [];
let provider;
let receive;
let configChanged;
let quickPickAnswer;
const values = {
  'server.path': '/opt/spark/bin/spark-lsp', 'server.args': ['--stdio'], 'server.env': { CODING_MODEL: 'm' },
  endpoint: 'http://127.0.0.1:8000/v1', apiKey: null, defaultAgent: 'supervisor', agents: {},
  enableCodeExecution: null, approval: 'ask', confirmEdits: false, workspaceDir: null,
  connectTimeout: null, firstByteTimeout: 900, idleTimeout: null,
};

class CancellationTokenSource {
  constructor() {
    const listeners = [];
    this.listeners = listeners;
    this.token = {
      isCancellationRequested: false,
      onCancellationRequested: (fn) => { listeners.push(fn); return { dispose() {} }; },
    };
  }
  cancel() { this.token.isCancellationRequested = true; this.listeners.forEach((fn) => fn()); }
  dispose() {}
}

const shown = [];
class Range {
  constructor(startLine, startCharacter, endLine, endCharacter) { Object.assign(this, { startLine, startCharacter, endLine, endCharacter }); }
}

const vscode = {
  CancellationTokenSource,
  Range,
  Uri: { joinPath: (base, ...parts) => ({ path: [base.path, ...parts].join('/') }), parse: (text) => ({ path: text }) },
  window: {
    activeTextEditor: undefined,
    createOutputChannel: () => ({ appendLine() {}, dispose() {} }),
    registerWebviewViewProvider: (id, view) => { assert.strictEqual(id, 'spark.chatView'); provider = view; return { dispose() {} }; },
    showErrorMessage: async (text) => { notices.push(['error', text]); },
    showWarningMessage: async (text) => { notices.push(['warning', text]); },
    showInformationMessage: async (text) => { notices.push(['info', text]); },
    showQuickPick: async (items) => items.find((item) => item.label === quickPickAnswer),
    showInputBox: async () => undefined,
    showTextDocument: async (uri, options) => { shown.push([uri.path, options]); },
  },
  workspace: {
    getConfiguration: (section) => { assert.strictEqual(section, 'spark'); return { get: (key) => values[key] }; },
    onDidChangeConfiguration: (fn) => { configChanged = fn; return { dispose() {} }; },
    applyEdit: async () => true,
  },
  commands: {
    registerCommand: (id, fn) => { commands[id] = fn; return { dispose() {} }; },
    executeCommand: async (id, ...args) => (commands[id] ? commands[id](...args) : undefined),
  },
};

// A stand-in server: spark/chat streams events for the request's token (plus one of another run), or stalls
// after one delta until cancelled (then rejects with -32800 like vscode-languageclient does).
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    LanguageClient.last = this;
    Object.assign(this, { id, name, serverOptions, clientOptions, handlers: {}, state: State.Stopped });
  }
  onNotification(method, fn) { this.handlers[method] = fn; }
  async start() { this.state = State.Running; }
  async stop() { this.state = State.Stopped; }
  sendNotification(method, params) { notifications.push([method, params]); }
  emit(event) { this.handlers['spark/chatEvent'](event); }
  sendRequest(method, params, token) {
    requests.push([method, params]);
    if (method === 'spark/agents') return Promise.resolve({ agents: [{ name: 'coding', model: 'm', description: 'writes code', tools: ['file_write'] }] });
    if (method !== 'spark/chat') return Promise.reject(Object.assign(new Error('unknown'), { code: -32601 }));
    const sessionId = params.sessionId || 's1';
    const base = { token: params.token, sessionId, agent: params.agent || 'supervisor' };
    if (params.message === 'stall') {
      this.emit(Object.assign({ kind: 'delta', text: 'Thinking' }, base));
      return new Promise((resolve, reject) => token.onCancellationRequested(() =>
        reject(Object.assign(new Error('cancelled'), { code: -32800 }))));
    }
    return new Promise((resolve) => setImmediate(() => {
      this.emit(Object.assign({ kind: 'delta', text: 'Hel' }, base));
      this.emit({ kind: 'delta', text: 'other run', token: 'someone-else', sessionId: 'x', agent: 'coding' });
      this.emit(Object.assign({ kind: 'delta', text: 'lo' }, base));
      this.emit(Object.assign({ kind: 'done', content: 'Hello', usage: { total_tokens: 3 } }, base));
      resolve({ sessionId, agent: base.agent, content: 'Hello', edits: [], usage: { total_tokens: 3 } });
    }));
  }
}

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient, State };
  return originalLoad.call(this, request, parent, isMain);
};

const state = new Map();
const context = {
  subscriptions: [],
  extensionUri: { path: '/ext' },
  workspaceState: { get: (key) => state.get(key), update: async (key, value) => { state.set(key, value); } },
};

function settle() { return new Promise((resolve) => setImmediate(resolve)); }

async function main() {
  const extension = require(path.join(__dirname, '..', 'src', 'extension.js'));
  await extension.activate(context);
  const client = LanguageClient.last;
  assert.strictEqual(client.serverOptions.command, '/opt/spark/bin/spark-lsp');
  assert.deepStrictEqual(client.serverOptions.args, ['--stdio']);
  assert.strictEqual(client.serverOptions.options.env.CODING_MODEL, 'm');
  // Unset and extension-only settings stay out of what the server sees.
  assert.deepStrictEqual(client.clientOptions.initializationOptions,
    { endpoint: 'http://127.0.0.1:8000/v1', defaultAgent: 'supervisor', approval: 'ask', confirmEdits: false,
      firstByteTimeout: 900 });
  const answered = await client.clientOptions.middleware.workspace.configuration(
    { items: [{ section: 'spark' }, { section: 'editor' }] }, undefined, async () => ['raw', 'editor settings']);
  assert.deepStrictEqual(answered, [client.clientOptions.initializationOptions, 'editor settings']);

  const view = {
    webview: {
      cspSource: 'csp', options: {}, html: '',
      asWebviewUri: (uri) => uri.path,
      postMessage: (message) => posted.push(message),
      onDidReceiveMessage: (fn) => { receive = fn; },
    },
    onDidDispose() {},
  };
  provider.resolveWebviewView(view);
  assert.match(view.webview.html, /markdown\.js.*\n.*chat\.js/);
  assert.match(view.webview.html, /img-src csp data:/);

  await receive({ type: 'send', text: 'hello' });
  const events = posted.filter((message) => message.type === 'event');
  assert.deepStrictEqual(events.map((message) => [message.event.kind, message.own]),
    [['delta', true], ['delta', false], ['delta', true], ['done', true]]);
  assert.ok(posted.some((message) => message.type === 'user' && message.text === 'hello'));
  assert.ok(posted.some((message) => message.type === 'result' && message.result.content === 'Hello'));
  assert.strictEqual(state.get('spark.sessionId'), 's1');

  quickPickAnswer = 'coding';
  await commands['spark.pickAgent']();
  assert.strictEqual(state.get('spark.agent'), 'coding');

  const stalled = receive({ type: 'send', text: 'stall' });
  await settle();
  const chatParams = requests.filter(([method]) => method === 'spark/chat').map(([, params]) => params);
  assert.strictEqual(chatParams[1].sessionId, 's1', 'the second chat continues the session');
  assert.strictEqual(chatParams[1].agent, 'coding', 'the picked agent is used');
  assert.notStrictEqual(chatParams[1].token, chatParams[0].token);
  await receive({ type: 'send', text: 'too soon' });
  assert.ok(notices.some(([kind]) => kind === 'warning'), 'a second chat while one runs is refused');
  await commands['spark.cancel']();
  await stalled;
  assert.ok(posted.some((message) => message.type === 'note' && message.text === 'cancelled'));
  assert.ok(posted[posted.length - 1].type === 'status' && posted[posted.length - 1].running === false);

  // Images picked or dropped in the view go with the message.
  await receive({ type: 'send', text: 'what is this?', images: ['data:image/png;base64,AAAA', 'file:///w/a.png', 42] });
  const withImages = requests.filter(([method]) => method === 'spark/chat').pop()[1];
  assert.deepStrictEqual(withImages.images, ['data:image/png;base64,AAAA', 'file:///w/a.png']);
  assert.ok(posted.some((message) => message.type === 'user' && message.text === 'what is this?' && message.images === 2));

  // A citation opens its file with the range selected; only file: URIs are opened.
  await receive({ type: 'open', uri: 'file:///w/a.swift', range: { start: { line: 3, character: 0 }, end: { line: 9, character: 2 } } });
  await receive({ type: 'open', uri: 'https://example.org/' });
  assert.deepStrictEqual(shown, [['file:///w/a.swift', { preview: true, selection: new Range(3, 0, 9, 2) }]]);

  values.approval = 'deny';
  configChanged({ affectsConfiguration: (section) => section === 'spark' });
  assert.deepStrictEqual(notifications.pop(), ['workspace/didChangeConfiguration',
    { settings: { spark: { endpoint: 'http://127.0.0.1:8000/v1', defaultAgent: 'supervisor', approval: 'deny', confirmEdits: false,
      firstByteTimeout: 900 } } }]);

  await extension.deactivate();
  assert.strictEqual(client.state, State.Stopped);
  process.stdout.write('smoke: ok\n');
}

main().catch((error) => {
  process.stderr.write(`smoke: FAILED\n${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
