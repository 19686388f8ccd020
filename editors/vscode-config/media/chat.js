// The chat view's page: renders user messages and spark/chatEvent notifications; deltas stream into the
// open block of their agent. Text only (textContent), never HTML from the model.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const transcript = document.getElementById('transcript');
  const status = document.getElementById('status');
  const message = document.getElementById('message');
  const cancel = document.getElementById('cancel');
  let open = null; // { agent, text: Element }

  function scroll() { window.scrollTo(0, document.body.scrollHeight); }

  function add(className, text) {
    const element = document.createElement('div');
    element.className = className;
    element.textContent = text;
    transcript.appendChild(element);
    open = null;
    scroll();
    return element;
  }

  function short(value, limit) {
    let text = typeof value === 'string' ? value : JSON.stringify(value === undefined ? {} : value);
    text = text.replace(/\s+/g, ' ');
    return text.length > limit ? text.slice(0, limit - 1) + '…' : text;
  }

  function delta(agent, text) {
    if (!open || open.agent !== agent) {
      const block = document.createElement('div');
      block.className = 'agent';
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = agent || 'spark';
      const body = document.createElement('span');
      block.append(name, body);
      transcript.appendChild(block);
      open = { agent, text: body };
    }
    open.text.textContent += text;
    scroll();
  }

  function render(event) {
    switch (event.kind) {
      case 'delta': return delta(event.agent, event.text || '');
      case 'toolCall': return add('line', `→ ${event.name} ${short(event.arguments, 80)}`);
      case 'toolResult': return add(event.isError ? 'line error' : 'line', `${event.isError ? '✗' : '←'} ${event.name}: ${short(event.content, 120)}`);
      case 'handoff': return add('line', `⇄ handoff ${event.from} → ${event.to}`);
      case 'edit': return add('line', `✎ ${event.change} ${event.path || event.uri} (${event.applied ? 'applied' : 'not applied' + (event.message ? ': ' + event.message : '')})`);
      case 'error': return add('line error', `! ${event.message}`);
      case 'done': return add('line', `✓ done${event.usage && event.usage.total_tokens ? ' · ' + event.usage.total_tokens + ' tokens' : ''}`);
      default: return undefined;
    }
  }

  window.addEventListener('message', ({ data }) => {
    switch (data.type) {
      case 'event': return render(data.event);
      case 'user': add('user', `you: ${data.text}${data.context ? '  (' + data.context + ')' : ''}`); return undefined;
      case 'note': add('note', `— ${data.text}`); return undefined;
      case 'clear': transcript.textContent = ''; open = null; return undefined;
      case 'history':
        transcript.textContent = '';
        open = null;
        for (const item of data.session.messages || []) {
          if (item.role === 'user') add('user', `you: ${item.content}`);
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

  function send() {
    const text = message.value.trim();
    if (!text) return;
    message.value = '';
    vscode.postMessage({ type: 'send', text });
  }

  document.getElementById('prompt').addEventListener('submit', (event) => { event.preventDefault(); send(); });
  message.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); send(); }
  });
  cancel.addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
  document.getElementById('agent').addEventListener('click', () => vscode.postMessage({ type: 'agent' }));
}());
