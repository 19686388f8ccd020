'use strict';
// Writes the chat view's page, as src/chatView.js builds it, to <directory>/chat.html with file: URLs for the
// media, the VS Code theme's variables and the stand-in for acquireVsCodeApi. Usage: node make-page.js <directory>
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chatPageHTML } = require('../../src/chatPage');

const directory = process.argv[2];
if (!directory) throw new Error('usage: node make-page.js <directory>');
const media = path.join(__dirname, '..', '..', 'media');
const url = (file) => pathToFileURL(file).href;
const html = chatPageHTML({
  cspSource: 'file:',
  nonce: 'browser-test',
  scripts: [url(path.join(__dirname, 'vscode-stand-in.js')), url(path.join(media, 'markdown.js')), url(path.join(media, 'chat.js'))],
  styles: [url(path.join(__dirname, 'theme.css')), url(path.join(media, 'chat.css'))],
});
fs.mkdirSync(directory, { recursive: true });
fs.writeFileSync(path.join(directory, 'chat.html'), html);
process.stdout.write(path.join(directory, 'chat.html') + '\n');
