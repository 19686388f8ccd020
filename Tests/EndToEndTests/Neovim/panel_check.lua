-- The chat panel's rendering of each spark/chatEvent kind (a tool's progress on its line while it runs), compared
-- line by line, and its keys: <CR> or <Tab> expands a tool call and folds it again, <CR> on a citation opens its
-- file at its line, :SparkCitations fills the quickfix list, <C-c> cancels, q closes. No server: the events are fed
-- as the client handler receives them.
-- Environment: SPARK_PLUGIN_DIR, SPARK_TEST_FILE (a Markdown file the citations point into), SPARK_TEST_RESULT.
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

local function expect_lines(bufnr, expected, what)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
  if not vim.deep_equal(lines, expected) then
    H.fail(what .. ':\ngot      ' .. vim.inspect(lines) .. '\nexpected ' .. vim.inspect(expected))
  end
end

local function keys(text)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(text, true, false, true), 'x', false)
end

H.guard(function()
  vim.opt.runtimepath:prepend(os.getenv('SPARK_PLUGIN_DIR'))
  vim.cmd('runtime plugin/spark.lua')
  local spark = require('spark')
  spark.setup({ autostart = false })
  vim.cmd('edit ' .. vim.fn.fnameescape(H.file))
  local source_win = vim.api.nvim_get_current_win()
  local doc = vim.uri_from_fname(H.file)
  local name = vim.fn.fnamemodify(H.file, ':~:.')
  local panel = spark.panel
  local cancelled = 0
  panel.set_callbacks({ cancel = function() cancelled = cancelled + 1 end })
  panel.open(false)
  local bufnr = panel.bufnr()

  local function event(fields)
    fields.sessionId = 'lsp-1'
    require('spark.events').handle(nil, fields, { client_id = 1 })
  end
  -- The panel shows runs it did not start (no token) while it is open, as for code actions.
  panel.user('Explain the logging setup.', 'sample.py:1-2', { 'diagram.png', 'data:image/png;base64,iVBORw0K' })
  event({ kind = 'delta', agent = 'supervisor', text = 'Looking' })
  event({ kind = 'delta', agent = 'supervisor', text = ' it up.' })
  event({ kind = 'handoff', agent = 'supervisor', from = 'supervisor', to = 'rag' })
  event({ kind = 'toolCall', agent = 'rag', id = 'call-1', name = 'search_knowledge_base', arguments = { query = 'logging' } })
  event({ kind = 'toolCall', agent = 'rag', id = 'call-2', name = 'file_read', arguments = '{"path":"missing.md"}' })
  -- A running tool's progress shows on its line until its result replaces it; a late report changes nothing.
  event({ kind = 'progress', agent = 'rag', id = 'call-1', name = 'search_knowledge_base', progress = 1, total = 3, message = 'reading' })
  event({ kind = 'progress', agent = 'rag', id = 'call-1', name = 'search_knowledge_base', progress = 2.5 })
  local running = vim.api.nvim_buf_get_lines(bufnr, 6, 7, true)[1]
  if running ~= '  ▸ search_knowledge_base {"query":"logging"} … 2.5' then H.fail('the line of a running tool: ' .. running) end
  event({ kind = 'progress', agent = 'rag', id = 'call-1', name = 'search_knowledge_base', progress = 2, total = 3, message = 'ranking' })
  running = vim.api.nvim_buf_get_lines(bufnr, 6, 7, true)[1]
  if running ~= '  ▸ search_knowledge_base {"query":"logging"} … ranking (2/3)' then
    H.fail('the line of a running tool: ' .. running)
  end
  event({ kind = 'toolResult', agent = 'rag', id = 'call-1', name = 'search_knowledge_base', content = 'logging.md: 2 chunks\nConfiguration', isError = false })
  event({ kind = 'progress', agent = 'rag', id = 'call-1', name = 'search_knowledge_base', progress = 3, total = 3 })
  event({ kind = 'toolResult', agent = 'rag', id = 'call-2', name = 'file_read', content = 'no such file', isError = true })
  local configuration = {
    kind = 'citation', agent = 'rag', uri = doc, title = 'logging.md › Configuration', snippet = 'Set the level.',
    documentId = 'doc-1', score = 0.91, range = { start = { line = 2, character = 0 }, ['end'] = { line = 3, character = 14 } },
  }
  event(configuration)
  event({ kind = 'delta', agent = 'rag', text = 'Set `level`.\nSee [1].' })
  event({ kind = 'edit', agent = 'rag', path = 'notes.md', uri = 'file:///w/notes.md', change = 'create', applied = true })
  event({ kind = 'edit', agent = 'rag', path = 'b.md', change = 'modify', applied = false, message = 'buffer changed' })
  event({ kind = 'error', agent = 'rag', message = 'rate limited\nretrying' })
  local intro = vim.deepcopy(configuration)
  intro.kind, intro.title, intro.range = nil, 'logging.md › Logging', { start = { line = 0, character = 0 }, ['end'] = { line = 1, character = 0 } }
  -- `done` repeats every citation: the ones shown already are not shown twice.
  event({ kind = 'done', agent = 'rag', content = 'Set `level`.', usage = { total_tokens = 321 }, citations = { configuration, intro } })

  local folded = {
    'you: Explain the logging setup.',
    '  (context: sample.py:1-2)',
    '  ▣ image: diagram.png',
    '  ▣ image: image/png data URL',
    'supervisor: Looking it up.',
    '  ⇄ handoff supervisor → rag',
    '  ▸ search_knowledge_base {"query":"logging"} ← logging.md: 2 chunks Configuration',
    '  ▸ file_read {"path":"missing.md"} ✗ no such file',
    '  [1] logging.md › Configuration · ' .. name .. ':3',
    'rag: Set `level`.',
    'See [1].',
    '  ✎ create notes.md (applied)',
    '  ✎ modify b.md (not applied: buffer changed)',
    '  ! error: rate limited retrying',
    '  [2] logging.md › Logging · ' .. name .. ':1',
    '  ✓ done · 321 tokens',
    '',
    '> ',
  }
  expect_lines(bufnr, folded, 'the rendered events')

  -- A tool call expands in place with <CR> (its arguments and whole result) and folds again with <Tab>.
  local panel_win = vim.fn.bufwinid(bufnr)
  vim.api.nvim_set_current_win(panel_win)
  vim.api.nvim_win_set_cursor(panel_win, { 7, 0 })
  keys('<CR>')
  local expanded = vim.list_slice(folded, 1, 6)
  vim.list_extend(expanded, {
    '  ▾ search_knowledge_base {"query":"logging"} ← logging.md: 2 chunks Configuration',
    '    │ arguments:',
    '    │   {"query":"logging"}',
    '    │ result:',
    '    │   logging.md: 2 chunks',
    '    │   Configuration',
  })
  vim.list_extend(expanded, vim.list_slice(folded, 8, #folded))
  expect_lines(bufnr, expanded, 'the expanded tool call')
  vim.api.nvim_win_set_cursor(panel_win, { 10, 0 })
  keys('<Tab>')
  expect_lines(bufnr, folded, 'the tool call folded again (from a line of its details)')

  -- <CR> on a citation opens the cited file at the chunk's first line, in the other window.
  vim.api.nvim_win_set_cursor(panel_win, { 9, 0 })
  keys('<CR>')
  H.check(vim.api.nvim_get_current_win() == source_win, 'the citation did not open in the source window')
  H.check(vim.api.nvim_buf_get_name(0) == H.file, 'the citation opened ' .. vim.api.nvim_buf_get_name(0))
  H.check(vim.api.nvim_win_get_cursor(0)[1] == 3, 'the citation jumped to line ' .. vim.api.nvim_win_get_cursor(0)[1])

  vim.cmd('SparkCitations')
  local quickfix = vim.fn.getqflist()
  H.check(#quickfix == 2, 'the quickfix list holds ' .. #quickfix .. ' items')
  H.check(quickfix[1].lnum == 3 and quickfix[1].text == 'logging.md › Configuration: Set the level.',
    'first quickfix item: ' .. vim.inspect(quickfix[1]))
  H.check(vim.api.nvim_buf_get_name(quickfix[2].bufnr) == H.file and quickfix[2].lnum == 1,
    'second quickfix item: ' .. vim.inspect(quickfix[2]))
  vim.cmd('cclose')

  -- The session picker's history: requests before their answers, tool results on one line.
  panel.show_history({ id = 'lsp-7', agent = 'coding', messages = {
    { role = 'user', content = 'Fix it.' },
    { role = 'assistant', agent = 'coding', content = 'Reading.' },
    { role = 'tool', content = 'def f(): pass' },
    { role = 'assistant', agent = 'coding', content = 'Done.' },
  } })
  expect_lines(bufnr, {
    '  -- session lsp-7 · coding', 'you: Fix it.', 'coding: Reading.', '  ← def f(): pass', 'coding: Done.', '> ',
  }, 'a session from the picker')

  -- <C-c> cancels (normal and insert mode); q closes the panel.
  vim.api.nvim_set_current_win(vim.fn.bufwinid(bufnr))
  keys('<C-c>')
  vim.cmd('startinsert')
  keys('i<C-c><Esc>')
  H.check(cancelled == 2, '<C-c> cancelled ' .. cancelled .. ' times')
  keys('q')
  H.check(not panel.is_visible(), 'q did not close the panel')
  H.finish('PASS', 'every event kind rendered; tool calls fold; citations jump and fill the quickfix list')
end)
