'use strict';
// Checks package.json against the rules VS Code applies when it loads an extension (and vsce when it packages
// one): contributed commands have titles, menus and keybindings name contributed commands, views live in a
// container that exists, configuration properties have valid JSON-schema types with matching defaults, the
// activation events name what the extension contributes, and every contributed command and view is registered
// by the code. Then checks that each rule catches a broken copy. Run: node test/manifest.js
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const BUILT_IN_CONTAINERS = ['explorer', 'scm', 'debug', 'test', 'remote'];
const SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
const SCOPES = ['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'];
const ACTIVATION = /^(\*|onStartupFinished|onCommand:.+|onView:.+|onLanguage:.+|workspaceContains:.+|onWebviewPanel:.+|onUri|onFileSystem:.+|onDebug.*|onCustomEditor:.+|onAuthenticationRequest:.+|onTerminalProfile:.+|onWalkthrough:.+|onChatParticipant:.+|onLanguageModelTool:.+)$/;

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matches(value, types) {
  const actual = typeOf(value);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/** The ids `source` registers with `call('id'` (registerCommand, registerWebviewViewProvider, ...). */
function registered(sources, call) {
  const ids = new Set();
  const pattern = new RegExp(`${call}\\(\\s*['"]([^'"]+)['"]`, 'g');
  for (const source of sources) for (const match of source.matchAll(pattern)) ids.add(match[1]);
  // extension.js registers commands through a helper: command('spark.x', ...).
  if (call === 'registerCommand') for (const source of sources) for (const match of source.matchAll(/\bcommand\(\s*'([^']+)'/g)) ids.add(match[1]);
  return ids;
}

/** Every broken rule, as a list of messages. */
function check(manifest, sources, exists) {
  const errors = [];
  const error = (message) => errors.push(message);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(manifest.name || '')) error(`name "${manifest.name}" must be lowercase, without spaces`);
  if (!manifest.publisher) error('publisher is missing');
  if (!/^\d+\.\d+\.\d+/.test(manifest.version || '')) error(`version "${manifest.version}" is not semver`);
  if (!manifest.engines || !/^\^?\d+\.\d+\.\d+$/.test(manifest.engines.vscode || '')) error('engines.vscode is missing or invalid');
  if (manifest.main && !exists(manifest.main)) error(`main ${manifest.main} does not exist`);
  const contributes = manifest.contributes || {};

  const commands = new Map();
  for (const command of contributes.commands || []) {
    if (typeof command.command !== 'string' || !command.command) { error('a command has no id'); continue; }
    if (commands.has(command.command)) error(`command ${command.command} is contributed twice`);
    commands.set(command.command, command);
    if (typeof command.title !== 'string' || !command.title.trim()) error(`command ${command.command} has no title`);
    if (command.category !== undefined && typeof command.category !== 'string') error(`command ${command.command}: category must be a string`);
  }
  for (const [menu, items] of Object.entries(contributes.menus || {})) {
    for (const item of items) {
      if (item.command && !commands.has(item.command)) error(`menu ${menu} names ${item.command}, which is not contributed`);
    }
  }
  for (const binding of contributes.keybindings || []) {
    if (!commands.has(binding.command)) error(`keybinding ${binding.key} names ${binding.command}, which is not contributed`);
    if (!binding.key) error(`keybinding of ${binding.command} has no key`);
  }

  const containers = new Set(BUILT_IN_CONTAINERS);
  for (const [location, list] of Object.entries(contributes.viewsContainers || {})) {
    if (!['activitybar', 'panel'].includes(location)) error(`viewsContainers.${location} is not a location`);
    for (const container of list) {
      if (!/^[a-zA-Z0-9_-]+$/.test(container.id || '')) error(`view container id "${container.id}" may only have letters, digits, _ and -`);
      if (!container.title) error(`view container ${container.id} has no title`);
      if (!container.icon || !exists(container.icon)) error(`view container ${container.id}: icon ${container.icon} does not exist`);
      containers.add(container.id);
    }
  }
  const views = new Set();
  for (const [container, list] of Object.entries(contributes.views || {})) {
    if (!containers.has(container)) error(`views.${container}: no such view container`);
    for (const view of list) {
      if (!view.id || !view.name) error(`a view in ${container} needs an id and a name`);
      if (view.type !== undefined && !['tree', 'webview'].includes(view.type)) error(`view ${view.id}: type ${view.type}`);
      views.add(view.id);
    }
  }

  const configurations = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration || {}];
  for (const configuration of configurations) {
    for (const [key, property] of Object.entries(configuration.properties || {})) {
      const types = Array.isArray(property.type) ? property.type : [property.type];
      if (!types.length || !types.every((type) => SCHEMA_TYPES.includes(type))) {
        error(`setting ${key}: type ${JSON.stringify(property.type)} is not a JSON-schema type`);
        continue;
      }
      if ('default' in property && !matches(property.default, types)) error(`setting ${key}: default ${JSON.stringify(property.default)} is not ${types.join(' or ')}`);
      for (const value of property.enum || []) if (!matches(value, types)) error(`setting ${key}: enum value ${JSON.stringify(value)} is not ${types.join(' or ')}`);
      if (property.enum && 'default' in property && !property.enum.includes(property.default)) error(`setting ${key}: default is not one of its enum`);
      if (property.enumDescriptions && (!property.enum || property.enumDescriptions.length !== property.enum.length)) error(`setting ${key}: enumDescriptions do not match enum`);
      if (property.scope !== undefined && !SCOPES.includes(property.scope)) error(`setting ${key}: scope ${property.scope}`);
      if (!property.description && !property.markdownDescription) error(`setting ${key} has no description`);
    }
  }

  for (const event of manifest.activationEvents || []) {
    if (!ACTIVATION.test(event)) error(`activation event ${event} is unknown`);
    else if (event.startsWith('onCommand:') && !commands.has(event.slice(10))) error(`${event}: no such command`);
    else if (event.startsWith('onView:') && !views.has(event.slice(7))) error(`${event}: no such view`);
  }
  if ((manifest.activationEvents || []).length && !manifest.main) error('activation events without main');

  const commandIds = registered(sources, 'registerCommand');
  for (const id of commands.keys()) if (!commandIds.has(id)) error(`command ${id} is contributed but never registered`);
  const viewIds = registered(sources, 'registerWebviewViewProvider');
  for (const id of views) if (!viewIds.has(id)) error(`view ${id} is contributed but no provider is registered`);
  return errors;
}

function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const sources = fs.readdirSync(path.join(root, 'src')).map((file) => fs.readFileSync(path.join(root, 'src', file), 'utf8'));
  const exists = (file) => fs.existsSync(path.join(root, file));
  assert.deepStrictEqual(check(manifest, sources, exists), [], 'package.json breaks VS Code\'s rules');

  // Each rule catches what it is for.
  const broken = (change) => { const copy = JSON.parse(JSON.stringify(manifest)); change(copy); return check(copy, sources, exists); };
  const expect = (errors, fragment) => assert.ok(errors.some((e) => e.includes(fragment)), `expected "${fragment}" in ${JSON.stringify(errors)}`);
  expect(broken((m) => { delete m.contributes.commands[0].title; }), 'spark.openChat has no title');
  expect(broken((m) => { m.contributes.views.nowhere = m.contributes.views.spark; }), 'views.nowhere: no such view container');
  expect(broken((m) => { m.contributes.configuration.properties['spark.approval'].type = 'text'; }), 'is not a JSON-schema type');
  expect(broken((m) => { m.contributes.configuration.properties['spark.confirmEdits'].default = 'no'; }), 'spark.confirmEdits: default "no"');
  expect(broken((m) => { m.contributes.menus['editor/context'][0].command = 'spark.gone'; }), 'names spark.gone, which is not contributed');
  expect(broken((m) => { m.activationEvents = ['onView:spark.other']; }), 'onView:spark.other: no such view');
  expect(broken((m) => { m.activationEvents = ['onOpen']; }), 'activation event onOpen is unknown');
  expect(broken((m) => { m.contributes.commands.push({ command: 'spark.unregistered', title: 'X' }); }), 'spark.unregistered is contributed but never registered');
  expect(broken((m) => { m.contributes.viewsContainers.activitybar[0].icon = 'media/none.svg'; }), 'icon media/none.svg does not exist');
  process.stdout.write('manifest: ok\n');
}

main();
