-- The scene of the README's screenshot (capture.sh): a Python file, and the chat panel after a code action's
-- run, fed the spark/chatEvents such a run sends (a recorded shape, no server), with one tool call expanded.
-- SPARK_DEMO_FILE: the file to show; SPARK_DEMO_SIGNAL: the tmux wait-for channel to signal when drawn.
vim.o.termguicolors = true
vim.o.background = 'dark'
vim.cmd('syntax on')
vim.cmd('highlight Normal guifg=#d4d4d4 guibg=#1e1e1e')
vim.o.laststatus = 2
vim.o.number = true
vim.o.showmode = false
local spark = require('spark')
spark.setup({ autostart = false, panel = { width = 72 } })
local file = os.getenv('SPARK_DEMO_FILE')
vim.cmd('edit ' .. vim.fn.fnameescape(vim.fn.fnamemodify(file, ':.')))
vim.cmd('syntax enable')
vim.api.nvim_win_set_cursor(0, { 5, 8 })
local panel = spark.panel
panel.open(false)
local uri = vim.uri_from_fname(vim.fn.fnamemodify(file, ':h') .. '/docs/format.md')
panel.user('Spark: explain `parse_header`', 'header.py:4-8')
local events = {
  { kind = 'handoff', from = 'supervisor', to = 'coding' },
  { kind = 'toolCall', id = '1', name = 'file_read', arguments = { path = 'header.py' } },
  { kind = 'toolResult', id = '1', name = 'file_read', content = '     1  import struct\n     2\n     3\n     4  def parse_header(data):' },
  { kind = 'handoff', from = 'coding', to = 'rag' },
  { kind = 'toolCall', id = '2', name = 'search_knowledge_base', arguments = { query = 'header magic' } },
  { kind = 'toolResult', id = '2', name = 'search_knowledge_base', content = '1 chunk from docs/format.md' },
  { kind = 'citation', uri = uri, title = 'docs/format.md › Header', range = { start = { line = 2, character = 0 }, ['end'] = { line = 6, character = 0 } } },
  { kind = 'delta', agent = 'rag', text = '`parse_header` reads the first 8 bytes:\n- a 4-byte magic (`<4s`)\n- the payload size, a little-endian uint32 (`I`)\n\nIt returns both and never checks the magic; the\nformat [1] says it must be `SPRK`.' },
  { kind = 'done', usage = { total_tokens = 1284 } },
}
for _, event in ipairs(events) do
  event.sessionId = 'lsp-42'
  panel.event(event)
end
vim.api.nvim_set_current_win(vim.fn.bufwinid(panel.bufnr()))
panel.toggle(3)
vim.api.nvim_win_set_cursor(0, { vim.api.nvim_buf_line_count(panel.bufnr()), 2 })
vim.cmd('redraw')
vim.fn.system({ 'tmux', '-L', os.getenv('SPARK_DEMO_SOCKET'), 'wait-for', '-S', os.getenv('SPARK_DEMO_SIGNAL') })
