-- Headless Neovim check that a spark/chat run streams its spark/chatEvent notifications in order
-- and that they add up to the reply. Environment: SPARK_LSP_BIN, SPARK_TEST_DIR, SPARK_TEST_ENDPOINT,
-- SPARK_TEST_RESULT. Exits 0 when the checks pass, 1 otherwise; the reason goes to SPARK_TEST_RESULT.

local server = os.getenv('SPARK_LSP_BIN')
local directory = os.getenv('SPARK_TEST_DIR')
local endpoint = os.getenv('SPARK_TEST_ENDPOINT')
local result_path = os.getenv('SPARK_TEST_RESULT')

local function finish(ok, message)
  local out = io.open(result_path, 'w')
  out:write((ok and 'PASS' or 'FAIL') .. ': ' .. message .. '\n')
  out:close()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local ok, err = pcall(function()
  local events = {}
  local client_id = vim.lsp.start_client({
    name = 'spark-lsp',
    cmd = { server, '--stdio', '--log-level', 'warning' },
    root_dir = directory,
    init_options = { endpoint = endpoint, modelFallback = false, agents = { coding = { model = 'test-model' } } },
    handlers = {
      ['spark/chatEvent'] = function(_, params) table.insert(events, params) end,
    },
  })
  if not client_id then return finish(false, 'could not start spark-lsp') end
  local client = vim.lsp.get_client_by_id(client_id)
  if not vim.wait(10000, function() return client.initialized end, 10) then
    return finish(false, 'spark-lsp did not initialize')
  end
  local reply
  client.request('spark/chat', { message = 'say hello', agent = 'coding', token = 'nvim-1' }, function(e, result)
    reply = { err = e, result = result }
  end)
  if not vim.wait(20000, function() return reply ~= nil end, 10) then
    return finish(false, 'no reply to spark/chat')
  end
  if reply.err then return finish(false, 'spark/chat failed: ' .. vim.inspect(reply.err)) end
  -- Notifications written before the reply are handled before it.
  local kinds, text = {}, ''
  for _, event in ipairs(events) do
    table.insert(kinds, event.kind)
    if event.token ~= 'nvim-1' or event.sessionId ~= reply.result.sessionId then
      return finish(false, 'event without the token or session: ' .. vim.inspect(event))
    end
    if event.kind == 'delta' then text = text .. event.text end
  end
  local shape = table.concat(kinds, ',')
  if shape ~= 'delta,delta,delta,done' then return finish(false, 'events out of order: ' .. shape) end
  if text ~= reply.result.content or text ~= 'Hello from Spark' then
    return finish(false, 'deltas ' .. vim.inspect(text) .. ' vs content ' .. vim.inspect(reply.result.content))
  end
  finish(true, shape)
end)
if not ok then finish(false, 'error: ' .. tostring(err)) end
