-- End to end: `:SparkChat hello` through the plugin. SPARK_TEST_SCENARIO=stream: the spark/chatEvent
-- notifications of the run carry its token and arrive in order (delta..., done), their text adds up to
-- SPARK_TEST_EXPECTED, which the reply and the chat panel show too. SPARK_TEST_SCENARIO=cancel: after the first
-- delta `:SparkCancel` sends $/cancelRequest; the run ends with -32800 (Neovim 0.7 drops that reply, so the plugin
-- ends it), the server closes it with `error: cancelled`, the panel says so, and the session answers the next chat. SPARK_TEST_SCENARIO=selection: as stream, through `:'<,'>SparkChatSelection` on a characterwise
-- selection (the test checks the text the model received). SPARK_TEST_SCENARIO=prompt: as stream, typed into the
-- panel's prompt and sent with <CR>. SPARK_TEST_SCENARIO=image: images attached with :SparkImage and
-- :SparkChat --image go in spark/chat's `images` and show under the request.
-- Environment: see harness.lua.
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

H.guard(function()
  local spark, client, bufnr = H.start()
  local scenario = os.getenv('SPARK_TEST_SCENARIO')
  local expected = os.getenv('SPARK_TEST_EXPECTED')

  local events = {}
  spark.subscribe(function(event) table.insert(events, event) end)
  if scenario == 'selection' then
    -- A characterwise selection from `prnt` through the emoji on line 2 (the emoji is two UTF-16 units).
    vim.cmd('normal! v\27')
    local line = vim.api.nvim_buf_get_lines(bufnr, 1, 2, true)[1]
    vim.api.nvim_buf_set_mark(bufnr, '<', 2, line:find('prnt', 1, true) - 1, {})
    vim.api.nvim_buf_set_mark(bufnr, '>', 2, line:find('👋', 1, true) - 1, {})
    vim.cmd("'<,'>SparkChatSelection hello")
  elseif scenario == 'image' then
    -- :SparkImage on the path under the cursor, then :SparkChat --image with a data URL: spark/chat carries
    -- both in `images` (the workspace file relative to the root), and the panel lists them under the request.
    local sent
    local request = client.request
    client.request = function(method, params, ...)
      if method == 'spark/chat' then sent = params end
      return request(method, params, ...)
    end
    vim.cmd('cd ' .. vim.fn.fnameescape(vim.fn.fnamemodify(H.file, ':h')))
    vim.cmd('enew')
    vim.api.nvim_buf_set_lines(0, 0, -1, true, { 'the diagram: sample.png' })
    vim.api.nvim_win_set_cursor(0, { 1, 16 })
    vim.cmd('SparkImage')
    vim.cmd('buffer ' .. bufnr)
    vim.cmd('SparkChat --image ' .. os.getenv('SPARK_TEST_DATA_URL') .. ' hello')
    H.check(sent ~= nil, 'no spark/chat request')
    H.check(sent.message == 'hello', 'the message sent is ' .. vim.inspect(sent.message))
    H.check(vim.deep_equal(sent.images, { 'sample.png', os.getenv('SPARK_TEST_DATA_URL') }),
      'images sent: ' .. vim.inspect(sent.images))
    local transcript = table.concat(spark.panel.transcript(), '\n')
    H.check(transcript:find('you: hello\n  ▣ image: sample.png\n  ▣ image: image/png data URL', 1, true),
      'the panel does not show the images under the request:\n' .. transcript)
    H.check(H.wait(60000, function() return spark.state.run == nil end), 'spark/chat never answered')
    vim.cmd('SparkChat again')
    H.check(sent.message == 'again' and sent.images == nil, 'the images were sent twice: ' .. vim.inspect(sent))
    H.check(H.wait(60000, function() return spark.state.run == nil end), 'the second chat never answered')
    H.finish('PASS', 'images sent: ' .. table.concat(sent.images or { 'none' }, ', '))
  elseif scenario == 'prompt' then
    -- Typed into the panel's prompt line and sent with <CR>, as a user would.
    vim.cmd('SparkChat')
    local panel = spark.panel.bufnr()
    H.check(vim.api.nvim_get_current_buf() == panel, ':SparkChat without a message did not focus the panel')
    local last = vim.api.nvim_buf_line_count(panel)
    vim.api.nvim_buf_set_lines(panel, last - 1, last, true, { spark.panel.prompt_marker .. 'hello' })
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<Esc><CR>', true, false, true), 'x', false)
    H.check(vim.api.nvim_buf_get_lines(panel, -2, -1, true)[1] == spark.panel.prompt_marker, 'the prompt was not cleared')
  else
    vim.cmd('SparkChat hello')
  end
  local run = spark.state.run
  H.check(run ~= nil and run.request_id ~= nil, ':SparkChat started no request')
  H.check(vim.api.nvim_buf_get_name(spark.panel.bufnr()):find('spark://chat', 1, true), 'the chat panel has no buffer')
  H.check(spark.panel.is_visible(), 'the chat panel is not shown')

  if scenario == 'cancel' then
    H.check(H.wait(30000, function() return #events > 0 or spark.state.run == nil end), 'no event before cancelling')
    if spark.state.last_error and spark.state.last_error.code == -32601 then
      H.finish('FAIL', 'spark-lsp does not implement spark/chat yet')
    end
    H.check(events[1] and events[1].kind == 'delta', 'the first event is not a delta: ' .. vim.inspect(events[1]))
    vim.cmd('SparkCancel')
    H.check(spark.state.run == nil, 'the cancelled chat still runs in the plugin')
    local err = spark.state.last_error
    H.check(err ~= nil and err.code == -32800, 'the cancelled chat did not end with -32800: ' .. vim.inspect(err))
    -- Neovim drops the -32800 reply itself; the server's closing event shows it stopped the run.
    H.check(H.wait(20000, function()
      local last = events[#events]
      return last.kind == 'error' or last.kind == 'done'
    end), 'the server never closed the cancelled run (no error event)')
    local last = events[#events]
    H.check(last.kind == 'error' and last.message == 'cancelled' and last.token == run.token,
      'the cancelled run did not end with error: cancelled: ' .. vim.inspect(last))
    local transcript = table.concat(spark.panel.transcript(), '\n')
    H.check(transcript:find('-- cancelled', 1, true), 'the panel does not show the cancel:\n' .. transcript)
    local session = events[1].sessionId
    H.check(spark.state.session_id == session, 'the plugin lost the session of the cancelled run')
    -- The session stays usable: the next chat in it completes.
    vim.cmd('SparkChat again')
    H.check(H.wait(60000, function() return spark.state.run == nil end), 'the chat after the cancel never answered')
    H.check(spark.state.last_error == nil, 'the chat after the cancel failed: ' .. vim.inspect(spark.state.last_error))
    H.check(spark.state.last_result and spark.state.last_result.content == expected,
      'the chat after the cancel answered ' .. vim.inspect(spark.state.last_result))
    H.check(spark.state.last_result.sessionId == session, 'the chat after the cancel changed session')
    H.finish('PASS', 'cancelled after ' .. #events .. ' events; the session answered again')
  end

  H.check(H.wait(60000, function() return spark.state.run == nil end), 'spark/chat never answered')
  local err = spark.state.last_error
  if err and err.code == -32601 then H.finish('FAIL', 'spark-lsp does not implement spark/chat yet') end
  H.check(err == nil, 'spark/chat failed: ' .. vim.inspect(err))
  local result = spark.state.last_result

  local kinds, text = {}, ''
  for _, event in ipairs(events) do
    H.check(event.token == run.token, 'an event without the run token: ' .. vim.inspect(event))
    H.check(event.sessionId == result.sessionId, 'an event of another session: ' .. vim.inspect(event))
    table.insert(kinds, event.kind)
    if event.kind == 'delta' then text = text .. event.text end
  end
  local sequence = table.concat(kinds, ',')
  local ordered = #kinds >= 2 and kinds[#kinds] == 'done'
  for i = 1, #kinds - 1 do ordered = ordered and kinds[i] == 'delta' end
  H.check(ordered, 'events out of order (want delta..., done): ' .. sequence)
  H.check(text == expected, 'the deltas add up to ' .. vim.inspect(text))
  H.check(events[#events].content == expected, 'done carries ' .. vim.inspect(events[#events].content))
  H.check(result.content == expected, 'the reply carries ' .. vim.inspect(result.content))
  local transcript = table.concat(spark.panel.transcript(), '\n')
  H.check(transcript:find('you: hello', 1, true), 'the panel lacks the question:\n' .. transcript)
  H.check(transcript:find(expected, 1, true), 'the panel lacks the answer:\n' .. transcript)
  H.check(transcript:find('✓ done', 1, true), 'the panel lacks the end of the run:\n' .. transcript)
  H.finish('PASS', #kinds .. ' events: ' .. sequence)
end)
