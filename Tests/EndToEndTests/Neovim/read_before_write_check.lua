-- End to end: the read-before-write contract in a real editor. `:SparkChat` asks the coding agent to change
-- SPARK_TEST_FILE; the scripted model has the agent read it, then holds its next reply; meanwhile the user types
-- SPARK_TEST_LINE as a new line 2, the server gets the change, and the script lets the model go on (POST
-- /scripted/release to the model server of VLLM_ENDPOINT). SPARK_TEST_SCENARIO=overwrite: the agent's overwrite,
-- made from what it read, is refused and the buffer keeps the typed line. SPARK_TEST_SCENARIO=str_replace: the
-- replacement lands on top of the typed line, and the agent is told the file had changed. In both, the buffer must
-- end as SPARK_TEST_EXPECTED and the file on disk is untouched. Environment: see harness.lua.
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

--- Lets the scripted model server answer the reply it holds.
local function release_model()
  local port = tonumber(os.getenv('VLLM_ENDPOINT'):match(':(%d+)/'))
  local tcp = vim.loop.new_tcp()
  local done, failure = false, nil
  tcp:connect('127.0.0.1', port, function(err)
    if err then
      failure, done = err, true
      return
    end
    tcp:write('POST /scripted/release HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
    tcp:read_start(function(read_err, chunk)
      if read_err or not chunk then
        failure = read_err
        tcp:close()
        done = true
      end
    end)
  end)
  H.check(H.wait(10000, function() return done end), 'the model server did not answer the release')
  H.check(failure == nil, 'releasing the model failed: ' .. tostring(failure))
end

H.guard(function()
  local spark, client, bufnr = H.start()
  local scenario = os.getenv('SPARK_TEST_SCENARIO')
  local line = os.getenv('SPARK_TEST_LINE')
  local expected = os.getenv('SPARK_TEST_EXPECTED')
  local original = H.read_file(H.file)

  local events, terminal, read = {}, nil, false
  spark.subscribe(function(event)
    table.insert(events, event)
    if event.kind == 'toolResult' and event.name == 'file_read' then read = true end
    if event.kind == 'done' or event.kind == 'error' then terminal = event end
  end)
  spark.chat('change sample.py', { agent = 'coding', bufnr = bufnr })
  H.check(H.wait(30000, function() return read or terminal ~= nil end), 'the agent never read the file')
  H.check(terminal == nil, 'the run ended before the write: ' .. vim.inspect(terminal))

  -- The user types while the model is thinking; the server has the change once it answers a later request.
  vim.api.nvim_buf_set_lines(bufnr, 1, 1, true, { line })
  local synced = client.request_sync('spark/debug/document', { uri = vim.uri_from_bufnr(bufnr) }, 5000, bufnr)
  H.check(synced and synced.result and synced.result.text == H.buffer_text(bufnr),
    'the server did not get the typed line: ' .. vim.inspect(synced))
  release_model()

  H.check(H.wait(60000, function() return terminal ~= nil end), 'the run never finished (no done or error event)')
  H.check(terminal.kind == 'done', 'the run failed: ' .. vim.inspect(terminal))
  local written
  for _, event in ipairs(events) do
    if event.kind == 'toolResult' and event.name == 'file_write' then written = event end
  end
  H.check(written ~= nil, 'the agent never wrote')
  if scenario == 'overwrite' then
    H.check(vim.startswith(written.content, 'refused: sample.py changed since you read it (version '),
      'the overwrite was not refused: ' .. vim.inspect(written.content))
  else
    H.check(written.content:find('note: sample.py had changed since you read it', 1, true),
      'the str_replace does not say the file had changed: ' .. vim.inspect(written.content))
  end
  local text = H.buffer_text(bufnr)
  H.check(text:find(line, 1, true), 'the typed line is gone:\n' .. text)
  H.check(text == expected, 'the buffer is not as expected:\nbuffer: ' .. vim.inspect(text)
    .. '\nexpected: ' .. vim.inspect(expected))
  H.check(H.read_file(H.file) == original, 'the file on disk changed behind the editor')
  H.finish('PASS', scenario .. ': ' .. written.content:gsub('\n.*', ''))
end)
