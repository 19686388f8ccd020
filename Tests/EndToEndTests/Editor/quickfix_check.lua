-- Headless Neovim: a diagnostic-driven Spark quick fix whose agent edit lands in the buffer.
-- Environment: SPARK_LSP_BIN, SPARK_TEST_FILE, SPARK_TEST_ENDPOINT, SPARK_TEST_RESULT.
-- Exits 0 when the checks pass, 1 otherwise; the reason goes to SPARK_TEST_RESULT.

local server = os.getenv('SPARK_LSP_BIN')
local file = os.getenv('SPARK_TEST_FILE')
local endpoint = os.getenv('SPARK_TEST_ENDPOINT')
local result_path = os.getenv('SPARK_TEST_RESULT')

local function finish(ok, message)
  local out = io.open(result_path, 'w')
  out:write((ok and 'PASS' or 'FAIL') .. ': ' .. message .. '\n')
  out:close()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'spark-lsp',
    cmd = { server, '--stdio', '--log-level', 'warning' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    init_options = { endpoint = endpoint, modelFallback = false, agents = { coding = { model = 'test-model' } } },
    flags = { debounce_text_changes = 0 },
  })
  if not client_id then return finish(false, 'could not start spark-lsp') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  if not vim.wait(10000, function() return client.initialized end, 10) then
    return finish(false, 'spark-lsp did not initialize')
  end

  local diagnostic = {
    range = { start = { line = 1, character = 6 }, ['end'] = { line = 1, character = 7 } },
    severity = 1, source = 'pyflakes', message = "undefined name 'y'",
  }
  local listed = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic }, only = { 'quickfix' }, triggerKind = 1 },
  }, 5000, bufnr)
  if not listed or listed.err or not listed.result or #listed.result ~= 1 then
    return finish(false, 'code actions: ' .. vim.inspect(listed))
  end
  local action = listed.result[1]
  if action.title ~= "Spark: fix — undefined name 'y'" then return finish(false, 'title: ' .. action.title) end

  local reply
  client.request('workspace/executeCommand', action.command, function(e, result) reply = { err = e, result = result } end, bufnr)
  if not vim.wait(30000, function() return reply ~= nil end, 10) then
    return finish(false, 'no reply to workspace/executeCommand')
  end
  if reply.err then return finish(false, 'executeCommand failed: ' .. vim.inspect(reply.err)) end
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
  if table.concat(lines, '\n') ~= 'x = 1\nprint(x)' then
    return finish(false, 'buffer after the fix: ' .. vim.inspect(lines))
  end
  if not reply.result.edits[1] or reply.result.edits[1].applied ~= true then
    return finish(false, 'reply edits: ' .. vim.inspect(reply.result.edits))
  end
  -- The server saw the edit come back as didChange.
  local held = client.request_sync('spark/debug/document', { uri = vim.uri_from_bufnr(bufnr) }, 5000, bufnr)
  if not held or held.err or held.result.text ~= 'x = 1\nprint(x)\n' then
    return finish(false, 'server copy: ' .. vim.inspect(held))
  end
  finish(true, 'quick fix applied: ' .. reply.result.content)
end)
if not ok then finish(false, 'error: ' .. tostring(err)) end
