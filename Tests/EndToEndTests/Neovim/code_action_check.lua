-- End to end: a diagnostic in the buffer, textDocument/codeAction through vim.lsp.buf.code_action(), the
-- "Spark: fix — <message>" action picked, its spark.codeAction command run by the server; the scripted model
-- calls file_write (str_replace), and the edit must land in the Neovim buffer through workspace/applyEdit
-- (not on disk). Environment: see harness.lua, plus SPARK_TEST_EXPECTED (the buffer text after the fix) and
-- SPARK_TEST_MESSAGE (the diagnostic's message).
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

H.guard(function()
  local spark, client, bufnr = H.start()
  local message = os.getenv('SPARK_TEST_MESSAGE')
  local expected = os.getenv('SPARK_TEST_EXPECTED')
  local original = H.read_file(H.file)

  local commands = (client.server_capabilities.executeCommandProvider or {}).commands or {}
  if not vim.tbl_contains(commands, 'spark.codeAction') then
    H.finish('FAIL', 'spark-lsp does not offer workspace/executeCommand spark.codeAction yet')
  end
  local agents = H.require_method(client, bufnr, 'spark/agents')
  local has_file_write = false
  for _, agent in ipairs(agents.result and agents.result.agents or {}) do
    if agent.name == 'coding' and vim.tbl_contains(agent.tools or {}, 'file_write') then has_file_write = true end
  end
  if not has_file_write then H.finish('FAIL', 'the coding agent has no file_write tool yet') end

  local events = {}
  local terminal
  spark.subscribe(function(event)
    table.insert(events, event)
    if event.kind == 'done' or event.kind == 'error' then terminal = event end
  end)

  local ns = vim.api.nvim_create_namespace('spark-e2e')
  vim.diagnostic.set(ns, bufnr, { {
    lnum = 1, col = 4, end_lnum = 1, end_col = 8,
    severity = vim.diagnostic.severity.ERROR, message = message, source = 'pyflakes',
  } })
  vim.api.nvim_win_set_cursor(0, { 2, 5 })

  local offered, chosen
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    for _, item in ipairs(items) do table.insert(offered, (opts.format_item(item))) end
    for index, item in ipairs(items) do
      if vim.startswith(item[2].title, 'Spark: fix') then
        chosen = item[2]
        return on_choice(item, index)
      end
    end
    on_choice(nil, nil)
  end
  -- The open panel shows runs it did not start (code actions) too.
  spark.panel.open(false)
  H.check(vim.api.nvim_get_current_buf() == bufnr, 'opening the panel moved the cursor out of the file')
  vim.lsp.buf.code_action()
  H.check(H.wait(10000, function() return offered ~= nil end), 'no code actions were offered')
  H.check(chosen ~= nil, 'no "Spark: fix" action among ' .. vim.inspect(offered))
  H.check(chosen.title == 'Spark: fix — ' .. message, 'unexpected title ' .. vim.inspect(chosen.title))
  H.check(chosen.kind == 'quickfix', 'the fix is not a quickfix: ' .. vim.inspect(chosen.kind))
  H.check(type(chosen.command) == 'table' and chosen.command.command == 'spark.codeAction',
    'the fix carries no spark.codeAction command: ' .. vim.inspect(chosen.command))

  H.check(H.wait(60000, function() return terminal ~= nil end), 'the fix never finished (no done or error event)')
  H.check(terminal.kind == 'done', 'the fix failed: ' .. vim.inspect(terminal))
  local text = H.buffer_text(bufnr)
  H.check(text == expected, 'the edit did not land in the buffer:\nbuffer: ' .. vim.inspect(text)
    .. '\nexpected: ' .. vim.inspect(expected))
  H.check(H.read_file(H.file) == original, 'the file on disk changed behind the editor')
  local kinds = {}
  for _, event in ipairs(events) do table.insert(kinds, event.kind) end
  local sequence = table.concat(kinds, ',')
  H.check(sequence:find('toolCall') and sequence:find('toolResult') and sequence:find('edit'),
    'missing toolCall/toolResult/edit events: ' .. sequence)
  local response = client.request_sync('spark/debug/document', { uri = vim.uri_from_bufnr(bufnr) }, 5000, bufnr)
  H.check(response and response.result and response.result.text == text, 'the server copy differs from the buffer')
  local transcript = table.concat(spark.panel.transcript(), '\n')
  H.check(transcript:find('✎ modify', 1, true) and transcript:find('✓ done', 1, true),
    'the panel does not show the code action run:\n' .. transcript)
  H.finish('PASS', 'fix applied; events ' .. sequence)
end)
