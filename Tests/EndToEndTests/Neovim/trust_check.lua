-- End to end: the workspace's own .spark/config.json sets an API key. The first `:SparkChat hello` makes the
-- server ask, with window/showMessageRequest, whether to trust the workspace; Neovim shows the question with
-- inputlist, where this script answers as a user would by picking the action SPARK_TEST_ANSWER. The chat then
-- completes (the test checks on the model server's side whether the key was sent).
-- Environment: see harness.lua.
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

H.guard(function()
  local answer = os.getenv('SPARK_TEST_ANSWER')
  local asked = {}
  -- The user at the keyboard: Neovim 0.7 shows showMessageRequest's actions as a numbered inputlist.
  vim.fn.inputlist = function(lines)
    table.insert(asked, table.concat(lines, '\n'))
    for index, line in ipairs(lines) do
      if line:find(answer, 1, true) then return index - 2 end
    end
    return 0
  end
  local spark = H.start()
  vim.cmd('SparkChat hello')
  H.check(H.wait(60000, function() return spark.state.run == nil end), 'spark/chat never answered')
  H.check(spark.state.last_error == nil, 'spark/chat failed: ' .. vim.inspect(spark.state.last_error))
  H.check(#asked == 1, 'asked ' .. #asked .. ' times')
  H.check(asked[1]:find('sets apiKey', 1, true), 'the question does not name the setting: ' .. asked[1])
  H.finish('PASS', 'asked once, answered ' .. answer)
end)
