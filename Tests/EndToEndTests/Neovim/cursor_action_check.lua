-- End to end: the cursor inside `greet` with no selection and no diagnostic; vim.lsp.buf.code_action() offers
-- refactor, explain, generate tests and review naming `greet`; "Spark: explain `greet`" is picked, and the open
-- panel shows the request (the action's title and the function's lines) before the streamed answer.
-- Environment: see harness.lua, plus SPARK_TEST_EXPECTED (the answer).
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

H.guard(function()
  local spark, _, bufnr = H.start()
  local expected = os.getenv('SPARK_TEST_EXPECTED')
  local terminal
  spark.subscribe(function(event)
    if event.kind == 'done' or event.kind == 'error' then terminal = event end
  end)
  vim.api.nvim_win_set_cursor(0, { 2, 6 })
  local offered
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    for _, item in ipairs(items) do table.insert(offered, item[2].title) end
    for index, item in ipairs(items) do
      if item[2].title == 'Spark: explain `greet`' then return on_choice(item, index) end
    end
    on_choice(nil, nil)
  end
  spark.panel.open(false)
  H.check(vim.api.nvim_get_current_buf() == bufnr, 'opening the panel moved the cursor out of the file')
  vim.lsp.buf.code_action()
  H.check(H.wait(10000, function() return offered ~= nil end), 'no code actions were offered at the cursor')
  local want = { 'Spark: refactor `greet`', 'Spark: explain `greet`', 'Spark: generate tests for `greet`',
    'Spark: review `greet`' }
  H.check(vim.deep_equal(offered, want), 'offered ' .. vim.inspect(offered))
  H.check(H.wait(60000, function() return terminal ~= nil end), 'the explanation never finished')
  H.check(terminal.kind == 'done', 'the explanation failed: ' .. vim.inspect(terminal))
  local transcript = spark.panel.transcript()
  local request, context, answer
  for index, line in ipairs(transcript) do
    if line == 'you: Spark: explain `greet`' then request = request or index end
    if line == '  (context: sample.py:1-2)' then context = context or index end
    if line:find(expected, 1, true) then answer = answer or index end
  end
  local text = table.concat(transcript, '\n')
  H.check(request ~= nil, 'the panel does not show the request:\n' .. text)
  H.check(context == request + 1, 'the request does not name the function\'s lines:\n' .. text)
  H.check(answer ~= nil and answer > context, 'the answer does not follow the request:\n' .. text)
  H.finish('PASS', 'offered ' .. table.concat(offered, ', '))
end)
