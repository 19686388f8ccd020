-- End to end: a knowledge question through `:SparkChat`, routed by the supervisor to `rag` (the scripted model
-- server scripts the handoff and the search), whose citation opens the cited file at the cited line: chosen in the
-- panel with <CR>, and from the quickfix list `:SparkCitations` fills.
-- Environment: see harness.lua; SPARK_TEST_CITED (the cited file, relative to the folder of SPARK_TEST_FILE),
-- SPARK_TEST_LINE (the first cited line, 1-based).
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

local function keys(text)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(text, true, false, true), 'x', false)
end

local function at_citation(what)
  local cited = vim.fn.resolve(vim.fn.fnamemodify(H.file, ':h') .. '/' .. os.getenv('SPARK_TEST_CITED'))
  local line = tonumber(os.getenv('SPARK_TEST_LINE'))
  local name = vim.fn.resolve(vim.api.nvim_buf_get_name(0))
  H.check(name == cited, what .. ' opened ' .. name .. ', not ' .. cited)
  H.check(vim.api.nvim_win_get_cursor(0)[1] == line,
    what .. ' jumped to line ' .. vim.api.nvim_win_get_cursor(0)[1] .. ', not ' .. line)
end

H.guard(function()
  local spark, _, bufnr = H.start()
  vim.cmd('SparkChat How do I configure the logger?')
  H.check(H.wait(60000, function() return spark.state.run == nil end), 'spark/chat never answered')
  H.check(spark.state.last_error == nil, 'spark/chat failed: ' .. vim.inspect(spark.state.last_error))
  H.check(spark.state.last_result.agent == 'rag', 'answered by ' .. tostring(spark.state.last_result.agent))

  -- The panel lists the citation as a jump target; <CR> on it opens the file at the line, in the other window.
  local panel = spark.panel.bufnr()
  local lines = vim.api.nvim_buf_get_lines(panel, 0, -1, true)
  local row
  for index, text in ipairs(lines) do
    if text:find('^  %[1%] logging%.md › ') then
      row = index
      break
    end
  end
  H.check(row ~= nil, 'no citation in the panel:\n' .. table.concat(lines, '\n'))
  local panel_win = vim.fn.bufwinid(panel)
  vim.api.nvim_set_current_win(panel_win)
  vim.api.nvim_win_set_cursor(panel_win, { row, 0 })
  keys('<CR>')
  H.check(vim.api.nvim_get_current_win() ~= panel_win, 'the citation opened in the panel window')
  at_citation('<CR> on the citation')

  -- The quickfix list: back in the source file, :SparkCitations then :cfirst.
  vim.cmd('buffer ' .. bufnr)
  vim.cmd('SparkCitations')
  local quickfix = vim.fn.getqflist()
  H.check(#quickfix == 1, 'the quickfix list holds ' .. #quickfix .. ' items: ' .. vim.inspect(quickfix))
  vim.cmd('cclose')
  vim.cmd('cfirst')
  at_citation('the quickfix item')
  H.finish('PASS', 'the citation opened ' .. os.getenv('SPARK_TEST_CITED') .. ':' .. os.getenv('SPARK_TEST_LINE'))
end)
