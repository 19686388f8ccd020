-- Headless Neovim check that spark-lsp's copy of a buffer equals Neovim's after incremental,
-- multi-byte edits. Environment: SPARK_LSP_BIN, SPARK_TEST_FILE, SPARK_TEST_RESULT.
-- Exits 0 when every check passes, 1 otherwise; the reason is written to SPARK_TEST_RESULT.

local server = os.getenv('SPARK_LSP_BIN')
local file = os.getenv('SPARK_TEST_FILE')
local result_path = os.getenv('SPARK_TEST_RESULT')

local function finish(ok, message)
  local out = io.open(result_path, 'w')
  out:write((ok and 'PASS' or 'FAIL') .. ': ' .. message .. '\n')
  out:close()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local function guard(fn)
  local ok, err = pcall(fn)
  if not ok then finish(false, 'error: ' .. tostring(err)) end
end

guard(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'spark-lsp',
    cmd = { server, '--stdio', '--log-level', 'warning' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    flags = { debounce_text_changes = 0 },
  })
  if not client_id then return finish(false, 'could not start spark-lsp') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  if not vim.wait(10000, function() return client.initialized end, 10) then
    return finish(false, 'spark-lsp did not initialize')
  end

  local function buffer_text()
    local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n')
    if vim.api.nvim_buf_get_option(bufnr, 'eol') then text = text .. '\n' end
    return text
  end

  local step = 0
  local function check(label)
    step = step + 1
    local response = client.request_sync('spark/debug/document', { uri = vim.uri_from_bufnr(bufnr) }, 5000, bufnr)
    if not response or response.err then
      finish(false, 'step ' .. step .. ' (' .. label .. '): debug request failed: ' .. vim.inspect(response))
      error('stop')
    end
    local expected = buffer_text()
    if response.result.text ~= expected then
      finish(false, 'step ' .. step .. ' (' .. label .. '): mismatch\nserver: ' .. vim.inspect(response.result.text)
        .. '\nneovim: ' .. vim.inspect(expected))
      error('stop')
    end
  end

  check('open')
  -- Insert an emoji in the middle of a line (a surrogate pair in UTF-16).
  vim.api.nvim_buf_set_text(bufnr, 0, 6, 0, 6, { '😀' })
  check('emoji')
  -- CJK after the emoji on the same line.
  vim.api.nvim_buf_set_text(bufnr, 0, 10, 0, 10, { '世界' })
  check('cjk')
  -- A combining mark after a base letter on line 1.
  vim.api.nvim_buf_set_text(bufnr, 1, 1, 1, 1, { '\u{0301}' })
  vim.api.nvim_buf_set_text(bufnr, 1, 0, 1, 0, { 'é' })
  check('combining')
  -- Replace a range spanning lines with multi-line text.
  vim.api.nvim_buf_set_text(bufnr, 0, 3, 2, 2, { 'Ω🎉', '新しい行', 'ü' })
  check('multi-line replace')
  -- Whole-line operations.
  vim.api.nvim_buf_set_lines(bufnr, 1, 2, true, {})
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, true, { 'tail 👋🏽 done' })
  check('lines')
  -- Delete inside an emoji-heavy line, then type through normal mode.
  local last = vim.api.nvim_buf_line_count(bufnr) - 1
  vim.api.nvim_buf_set_text(bufnr, last, 5, last, 13, { '' })
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.cmd('normal! A 🚀 end')
  check('delete and normal mode')
  for i = 1, 20 do
    vim.api.nvim_buf_set_text(bufnr, 0, 0, 0, 0, { tostring(i) .. '語' })
  end
  check('many small edits')
  finish(true, step .. ' checks')
end)
