// Markdown to DOM for the chat view: paragraphs, headings, lists, quotes, fenced code, inline code, bold,
// italic and http(s) links. Hand-written rather than a library (markdown-it and friends produce HTML strings):
// the page builds nodes with textContent only, so nothing the model writes can become markup or script, and the
// extension keeps no build step. Unterminated fences (a reply still streaming) render as an open code block.
(function () {
  'use strict';

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const INLINE = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|\b_([^_\s][^_]*)_\b|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

  /** Appends `text` with inline code, emphasis and links to `parent`. */
  function inline(parent, text) {
    let last = 0;
    const pattern = new RegExp(INLINE.source, 'g'); // its own: emphasis recurses
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (match[1]) parent.appendChild(element('code', null, match[2].trim()));
      else if (match[3] || match[4]) inline(parent.appendChild(element('strong')), match[3] || match[4]);
      else if (match[5] || match[6]) inline(parent.appendChild(element('em')), match[5] || match[6]);
      else {
        const link = element('a', null, match[7]);
        link.href = match[8];
        parent.appendChild(link);
      }
      last = pattern.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /** Appends lines as one block's inline content, a line break between lines. */
  function lines(parent, items) {
    items.forEach((line, index) => {
      if (index > 0) parent.appendChild(element('br'));
      inline(parent, line);
    });
    return parent;
  }

  const FENCE = /^\s{0,3}(```+|~~~+)\s*([\w+#.-]*)/;
  const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
  const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
  const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
  const QUOTE = /^\s{0,3}>\s?(.*)$/;
  const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

  /** The rendered `text` as a fragment of block elements. */
  function render(text) {
    const fragment = document.createDocumentFragment();
    const source = String(text).replace(/\r\n?/g, '\n').split('\n');
    let index = 0;
    while (index < source.length) {
      const line = source[index];
      let match;
      if (!line.trim()) { index += 1; continue; }
      if ((match = FENCE.exec(line))) {
        const fence = match[1];
        const body = [];
        index += 1;
        while (index < source.length && !source[index].trim().startsWith(fence)) body.push(source[index++]);
        const closed = index < source.length;
        index += 1;
        const pre = element('pre', closed ? 'code-block' : 'code-block open');
        if (match[2]) pre.dataset.language = match[2];
        const code = element('code', match[2] ? `language-${match[2]}` : null, body.join('\n'));
        pre.appendChild(code);
        fragment.appendChild(pre);
        continue;
      }
      if ((match = HEADING.exec(line))) {
        inline(fragment.appendChild(element(`h${Math.min(match[1].length + 2, 6)}`)), match[2]);
        index += 1;
        continue;
      }
      if (RULE.test(line)) { fragment.appendChild(element('hr')); index += 1; continue; }
      if (BULLET.test(line) || NUMBERED.test(line)) {
        const ordered = !BULLET.test(line);
        const list = element(ordered ? 'ol' : 'ul');
        if (ordered) list.start = Number(NUMBERED.exec(line)[1]);
        const pattern = ordered ? NUMBERED : BULLET;
        while (index < source.length && (match = pattern.exec(source[index]))) {
          inline(list.appendChild(element('li')), ordered ? match[2] : match[1]);
          index += 1;
        }
        fragment.appendChild(list);
        continue;
      }
      if (QUOTE.test(line)) {
        const quoted = [];
        while (index < source.length && (match = QUOTE.exec(source[index]))) { quoted.push(match[1]); index += 1; }
        lines(fragment.appendChild(element('blockquote')), quoted);
        continue;
      }
      const paragraph = [];
      while (index < source.length && source[index].trim() && !FENCE.test(source[index]) && !HEADING.test(source[index])
        && !BULLET.test(source[index]) && !NUMBERED.test(source[index]) && !QUOTE.test(source[index])) {
        paragraph.push(source[index]);
        index += 1;
      }
      lines(fragment.appendChild(element('p')), paragraph);
    }
    return fragment;
  }

  window.SparkMarkdown = { render };
}());
