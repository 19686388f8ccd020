// The chat view's page: renders user messages and spark/chatEvent notifications. Deltas stream into the open
// block of their agent as Markdown (media/markdown.js, nodes only, never HTML from the model); tool calls fold
// to one line that opens on a click, with their results; citations and edited files open in the editor; images
// are attached with the picker or by dropping them on the view.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const transcript = document.getElementById('transcript');
  const status = document.getElementById('status');
  const message = document.getElementById('message');
  const cancel = document.getElementById('cancel');
  const attachmentList = document.getElementById('attachments');
  const imageInput = document.getElementById('image-input');
  const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
  let open = null; // { agent, body: Element, text: string }
  let tools = new Map(); // tool call id -> its <details>
  let sources = null; // { list: Element, seen: Set<string> } of the current run
  let attachments = []; // { name, url }

  function scroll() { window.scrollTo(0, document.body.scrollHeight); }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function add(className, text) {
    const node = element('div', className, text);
    transcript.appendChild(node);
    open = null;
    scroll();
    return node;
  }

  function short(value, limit) {
    let text = typeof value === 'string' ? value : JSON.stringify(value === undefined ? {} : value);
    text = text.replace(/\s+/g, ' ');
    return text.length > limit ? text.slice(0, limit - 1) + '…' : text;
  }

  function pretty(value) {
    if (typeof value !== 'string') return JSON.stringify(value === undefined ? {} : value, null, 2);
    try { return JSON.stringify(JSON.parse(value), null, 2); } catch (error) { return value; }
  }

  function basename(uri) { return decodeURIComponent(String(uri).split('/').pop() || String(uri)); }

  /** A link that asks the extension to open `uri` (a file: URI) with `range` selected. */
  function fileLink(className, text, uri, range) {
    const link = element('a', className, text);
    link.href = '#';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage({ type: 'open', uri, range });
    });
    return link;
  }

  function delta(agent, text) {
    if (!open || open.agent !== agent) {
      const block = element('div', 'agent');
      block.dataset.agent = agent || 'spark';
      const body = element('div', 'markdown');
      block.append(element('span', 'name', agent || 'spark'), body);
      transcript.appendChild(block);
      open = { agent, body, text: '' };
    }
    open.text += text;
    open.body.replaceChildren(window.SparkMarkdown.render(open.text));
    scroll();
  }

  function toolCall(event) {
    const details = element('details', 'tool');
    details.dataset.id = event.id || '';
    const summary = element('summary', null, `→ ${event.name} ${short(event.arguments, 80)}`);
    details.append(summary, element('pre', 'arguments', pretty(event.arguments)));
    transcript.appendChild(details);
    tools.set(event.id, details);
    open = null;
    scroll();
  }

  // A tool's progress report as `message (progress/total)`, shown on its line until its result comes.
  function progressText(event) {
    const count = `${event.progress}${typeof event.total === 'number' ? '/' + event.total : ''}`;
    return event.message ? `${event.message} (${count})` : count;
  }

  function progress(event) {
    const details = tools.get(event.id);
    if (!details || details.classList.contains('finished') || details.classList.contains('failed')) return;
    const summary = details.querySelector('summary');
    let status = summary.querySelector('.progress');
    if (!status) {
      status = element('span', 'progress');
      summary.appendChild(status);
    }
    status.textContent = `  … ${progressText(event)}`;
  }

  function toolResult(event) {
    let details = tools.get(event.id);
    if (!details) {
      toolCall({ id: event.id, name: event.name, arguments: {} });
      details = tools.get(event.id);
    }
    const status = details.querySelector('summary .progress');
    if (status) status.remove();
    details.classList.add(event.isError ? 'failed' : 'finished');
    details.querySelector('summary').textContent += event.isError ? '  ✗' : '  ✓';
    details.appendChild(element('pre', event.isError ? 'result error' : 'result', short(event.content, 4000)));
    open = null;
  }

  function citation(item) {
    if (!item || typeof item.uri !== 'string') return;
    const start = item.range && item.range.start ? item.range.start.line + 1 : undefined;
    const end = item.range && item.range.end ? item.range.end.line + 1 : undefined;
    const key = `${item.uri}#${start}-${end}`;
    if (!sources) {
      const box = element('div', 'sources');
      box.appendChild(element('div', 'sources-title', 'Sources'));
      const list = element('ol');
      box.appendChild(list);
      transcript.appendChild(box);
      sources = { list, seen: new Set() };
    }
    if (sources.seen.has(key)) return;
    sources.seen.add(key);
    const lines = start === undefined ? '' : `:${start}${end && end !== start ? '-' + end : ''}`;
    const entry = element('li');
    const link = fileLink('citation', item.title || basename(item.uri), item.uri, item.range);
    link.title = item.snippet || '';
    entry.append(link, element('span', 'where', ` ${basename(item.uri)}${lines}`));
    if (typeof item.score === 'number') entry.appendChild(element('span', 'score', ` ${item.score.toFixed(2)}`));
    sources.list.appendChild(entry);
    scroll();
  }

  function edit(event) {
    const state = event.applied ? 'applied' : 'not applied' + (event.message ? ': ' + event.message : '');
    const line = add(event.applied ? 'line edit' : 'line edit error', `✎ ${event.change} `);
    const target = event.path || basename(event.uri);
    if (event.uri && event.change !== 'delete') line.appendChild(fileLink('file', target, event.uri));
    else line.appendChild(document.createTextNode(target));
    line.appendChild(document.createTextNode(` (${state})`));
  }

  function finish(event) {
    for (const item of event.citations || []) citation(item);
    const tokens = event.usage && event.usage.total_tokens ? ' · ' + event.usage.total_tokens + ' tokens' : '';
    add('line done', `✓ done${tokens}`);
    sources = null;
    tools = new Map();
  }

  function render(event) {
    switch (event.kind) {
      case 'delta': return delta(event.agent, event.text || '');
      case 'toolCall': return toolCall(event);
      case 'progress': return progress(event);
      case 'toolResult': return toolResult(event);
      case 'handoff': return add('line handoff', `⇄ handoff ${event.from} → ${event.to}`);
      case 'edit': return edit(event);
      case 'citation': return citation(event);
      case 'error':
        sources = null;
        return add(event.message === 'cancelled' ? 'line error cancelled' : 'line error', `! ${event.message}`);
      case 'done': return finish(event);
      default: return undefined;
    }
  }

  function user(text, images, context) {
    const node = add('user', `you: ${text}`);
    if (images) node.appendChild(element('span', 'badge', `${images} image${images === 1 ? '' : 's'}`));
    if (context) node.appendChild(element('span', 'context', `  (${context})`));
  }

  window.addEventListener('message', ({ data }) => {
    switch (data.type) {
      case 'event': return render(data.event);
      case 'user': return user(data.text, data.images, data.context);
      case 'note': add('note', `— ${data.text}`); return undefined;
      case 'clear': transcript.textContent = ''; open = null; sources = null; return undefined;
      case 'history':
        transcript.textContent = '';
        open = null;
        for (const item of data.session.messages || []) {
          if (item.role === 'user') user(item.content);
          else if (item.role === 'assistant' && item.content) { delta(item.agent || 'assistant', item.content); open = null; }
          else if (item.role === 'tool') add('line', `← ${short(item.content, 120)}`);
        }
        return undefined;
      case 'status':
        status.textContent = `agent: ${data.agent} · session: ${data.sessionId}${data.running ? ' · running…' : ''}`;
        cancel.disabled = !data.running;
        return undefined;
      default: return undefined;
    }
  });

  // Attachments: data URLs of picked or dropped image files, file: URIs of dropped workspace files.
  function showAttachments() {
    attachmentList.replaceChildren(...attachments.map((attachment, index) => {
      const item = element('span', 'attachment');
      item.title = attachment.name;
      if (attachment.url.startsWith('data:')) {
        const image = element('img');
        image.src = attachment.url;
        image.alt = attachment.name;
        item.appendChild(image);
      } else {
        item.appendChild(element('span', 'attachment-name', attachment.name));
      }
      const remove = element('button', 'remove', '×');
      remove.type = 'button';
      remove.title = `Remove ${attachment.name}`;
      remove.addEventListener('click', () => { attachments.splice(index, 1); showAttachments(); });
      item.appendChild(remove);
      return item;
    }));
  }

  function attachFiles(files) {
    for (const file of Array.from(files || [])) {
      if (!file.type.startsWith('image/')) { add('note', `— ${file.name} is not an image`); continue; }
      if (file.size > MAX_IMAGE_BYTES) { add('note', `— ${file.name} is larger than 10 MiB`); continue; }
      const reader = new FileReader();
      reader.addEventListener('load', () => {
        attachments.push({ name: file.name, url: String(reader.result) });
        showAttachments();
      });
      reader.readAsDataURL(file);
    }
  }

  function attachURIs(text) {
    for (const uri of String(text || '').split(/\r?\n/)) {
      if (uri.startsWith('file:') && /\.(png|jpe?g|gif|webp|bmp|tiff?)$/i.test(uri)) {
        attachments.push({ name: basename(uri), url: uri });
      }
    }
    showAttachments();
  }

  document.getElementById('attach').addEventListener('click', () => imageInput.click());
  imageInput.addEventListener('change', () => { attachFiles(imageInput.files); imageInput.value = ''; });
  document.addEventListener('dragover', (event) => { event.preventDefault(); document.body.classList.add('dropping'); });
  document.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    document.body.classList.remove('dropping');
    const transfer = event.dataTransfer;
    if (!transfer) return;
    if (transfer.files && transfer.files.length) attachFiles(transfer.files);
    else attachURIs(transfer.getData('text/uri-list'));
  });

  function send() {
    const text = message.value.trim();
    if (!text) return;
    message.value = '';
    const images = attachments.map((attachment) => attachment.url);
    attachments = [];
    showAttachments();
    vscode.postMessage(images.length ? { type: 'send', text, images } : { type: 'send', text });
  }

  document.getElementById('prompt').addEventListener('submit', (event) => { event.preventDefault(); send(); });
  message.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); send(); }
  });
  cancel.addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
  document.getElementById('agent').addEventListener('click', () => vscode.postMessage({ type: 'agent' }));
}());
