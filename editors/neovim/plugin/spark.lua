-- Spark user commands. Nothing starts until require('spark').setup{} is called; the commands call
-- setup{} with the defaults when it was not.
if vim.g.loaded_spark then return end
vim.g.loaded_spark = true

local function spark()
  local module = require('spark')
  if not module.did_setup then module.setup({}) end
  return module
end

local command = vim.api.nvim_create_user_command

command('SparkChat', function(args)
  spark().chat_command(args.args, args.fargs)
end, { nargs = '*', complete = 'file', desc = 'Spark: send a chat message, --image PATH attaches (no message: open the panel)' })

command('SparkImage', function(args)
  local path = args.args ~= '' and args.args or vim.fn.expand('<cfile>')
  spark().attach_image(path)
end, { nargs = '?', complete = 'file', desc = 'Spark: attach an image (the path under the cursor) to the next chat' })

command('SparkCitations', function() spark().citations_to_quickfix() end,
  { desc = 'Spark: the last answer\'s citations in the quickfix list' })

command('SparkChatSelection', function(args)
  spark().chat_selection(args.line1, args.line2, args.args)
end, { nargs = '*', range = true, desc = 'Spark: chat about the selected lines' })

command('SparkCancel', function() spark().cancel() end, { desc = 'Spark: cancel the running chat' })
command('SparkAgents', function() spark().pick_agent() end, { desc = 'Spark: pick the agent for the next chats' })
command('SparkSessions', function() spark().pick_session() end, { desc = 'Spark: continue an earlier session' })
command('SparkReset', function(args) spark().reset(args.bang) end,
  { bang = true, desc = 'Spark: empty the session history (!: start a new session)' })
command('SparkApplyLast', function() spark().apply_last() end,
  { desc = 'Spark: apply edits the last reply returned unapplied' })
command('SparkStop', function() spark().stop() end, { desc = 'Spark: stop every spark-lsp client' })
