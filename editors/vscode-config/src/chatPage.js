'use strict';
// The chat view's page. No `vscode` here: the browser test builds the same page with file: URLs.

/**
 * @param {{ cspSource: string, nonce: string, scripts: string[], styles: string[] }} page
 *   scripts and styles in load order (the webview's URIs, or file: URLs in the browser test)
 */
function chatPageHTML({ cspSource, nonce, scripts, styles }) {
  const links = styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
  const tags = scripts.map((src) => `<script nonce="${nonce}" src="${src}"></script>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource}; img-src ${cspSource} data:; script-src 'nonce-${nonce}';">
${links}</head><body>
<div id="status"></div><div id="transcript"></div>
<form id="prompt"><div id="attachments"></div>
<textarea id="message" rows="3" placeholder="Ask Spark (Enter sends, Shift+Enter for a new line; drop images here)"></textarea>
<input type="file" id="image-input" accept="image/*" multiple>
<div class="buttons"><button type="submit" id="send">Send</button><button type="button" id="cancel" disabled>Cancel</button>
<button type="button" id="attach" title="Attach images">Attach</button><button type="button" id="agent">Agent</button></div></form>
${tags}</body></html>`;
}

module.exports = { chatPageHTML };
