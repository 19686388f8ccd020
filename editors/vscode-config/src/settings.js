'use strict';
// The `spark` settings of docs/protocol.md as the server wants them: unset (null) values and the settings only
// the extension reads (server.*, trace.*) left out, so the environment and the configuration file still apply.
const vscode = require('vscode');

const SERVER_KEYS = ['endpoint', 'apiKey', 'defaultAgent', 'agents', 'enableCodeExecution', 'approval', 'confirmEdits', 'workspaceDir', 'dataDir', 'modelFallback',
  'connectTimeout', 'firstByteTimeout', 'idleTimeout'];

function isEmptyObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** The server-side `spark` settings of `scope` (a resource or undefined). */
function sparkSettings(scope) {
  const config = vscode.workspace.getConfiguration('spark', scope);
  const settings = {};
  for (const key of SERVER_KEYS) {
    const value = config.get(key);
    if (value === null || value === undefined || isEmptyObject(value)) continue;
    settings[key] = value;
  }
  return settings;
}

/** How to start spark-lsp: { command, args, env }. */
function serverCommand() {
  const config = vscode.workspace.getConfiguration('spark');
  return {
    command: config.get('server.path') || 'spark-lsp',
    args: config.get('server.args') || ['--stdio'],
    env: Object.assign({}, process.env, config.get('server.env') || {}),
  };
}

module.exports = { sparkSettings, serverCommand, SERVER_KEYS };
