-- Spark for Neovim (0.7+): the spark-lsp client per workspace root and a streaming chat panel.
--
--   require('spark').setup{ cmd = { 'spark-lsp', '--stdio' }, settings = { defaultAgent = 'supervisor' } }
--
-- Commands (plugin/spark.lua): :SparkChat [--image PATH]... [msg], :[range]SparkChatSelection [msg], :SparkImage
-- [path], :SparkCitations, :SparkCancel, :SparkAgents, :SparkSessions, :SparkReset[!], :SparkApplyLast, :SparkStop. Code actions come from the server through
-- vim.lsp.buf.code_action(); edits arrive as workspace/applyEdit, which Neovim applies itself.
local config = require('spark.config')
local client_manager = require('spark.client')
local events = require('spark.events')
local panel = require('spark.panel')
local chat = require('spark.chat')
local compat = require('spark.compat')

local M = {}

M.did_setup = false

--- Configures Spark and starts attaching to matching buffers. See config.lua for every option.
function M.setup(opts)
  config.apply(opts)
  M.did_setup = true
  panel.set_callbacks({
    send = function(message) M.chat(message) end,
    cancel = function() chat.cancel() end,
    sessions = function() chat.pick_session() end,
  })
  if M.unsubscribe_foreign then M.unsubscribe_foreign() end
  M.unsubscribe_foreign = events.subscribe(function(event)
    -- Runs the panel did not start (code actions, spark.chat commands) show up when the panel is open.
    if not events.owned(event.token) and config.options.panel.show_foreign_runs and panel.is_visible() then
      panel.event(event)
    end
  end)
  local group = vim.api.nvim_create_augroup('spark', { clear = true })
  client_manager.commands = chat.client_commands()
  client_manager.progress_handler = compat.on_progress(group, chat.progress)
  -- 0.11+: Neovim attaches the registered configuration itself.
  if compat.register(client_manager.client_config(nil), config.options.autostart) then return end
  if config.options.autostart then
    vim.api.nvim_create_autocmd({ 'FileType', 'BufReadPost', 'BufNewFile' }, {
      group = group,
      callback = function(args) client_manager.attach(args.buf) end,
    })
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) then client_manager.attach(bufnr) end
    end
  end
end

--- Sends `message` (opening the panel); `opts` as chat.send (agent, workflow, bufnr, range, images, on_done).
function M.chat(message, opts)
  opts = opts or {}
  local source = opts.bufnr or vim.api.nvim_get_current_buf()
  if source == panel.bufnr() then source = vim.fn.bufnr('#') end
  if source < 1 or not vim.api.nvim_buf_is_valid(source) then source = nil end
  opts.bufnr = source
  panel.open(false)
  return chat.send(message, opts)
end

--- :SparkChat's arguments (`raw` as typed, `args` split): `--image PATH` (repeatable) anywhere, the rest is
--- the message.
function M.chat_command(raw, args)
  if not raw:find('--image', 1, true) then
    if raw == '' then return M.open_panel() end
    return M.chat(raw)
  end
  local images, words = {}, {}
  local i = 1
  while i <= #args do
    if args[i] == '--image' and args[i + 1] then
      table.insert(images, args[i + 1])
      i = i + 2
    else
      table.insert(words, args[i])
      i = i + 1
    end
  end
  local message = table.concat(words, ' ')
  if message == '' and #images == 0 then return M.open_panel() end
  for _, image in ipairs(images) do chat.attach_image(image) end
  if message == '' then return M.open_panel() end
  return M.chat(message)
end

--- Sends `message` with lines `line1`..`line2` of the current buffer as context.
function M.chat_selection(line1, line2, message)
  local bufnr = vim.api.nvim_get_current_buf()
  local range = chat.selection_range(bufnr, line1, line2)
  return M.chat(message ~= nil and message ~= '' and message or 'Explain this code.', { bufnr = bufnr, range = range })
end

--- Opens the panel with the cursor on the prompt.
function M.open_panel()
  panel.open(true)
  vim.cmd('startinsert!')
end

M.cancel = chat.cancel
M.pick_agent = chat.pick_agent
M.pick_session = chat.pick_session
M.reset = chat.reset
M.apply_last = chat.apply_last
M.attach_image = chat.attach_image
M.citations_to_quickfix = chat.citations_to_quickfix
M.state = chat.state
M.panel = panel
M.subscribe = events.subscribe
M.attach = client_manager.attach
M.clients = client_manager.all
M.stop = client_manager.stop_all

--- Merges `settings` into the `spark` settings and pushes them with workspace/didChangeConfiguration.
function M.update_settings(settings)
  config.options.settings = vim.tbl_deep_extend('force', config.options.settings or {}, settings or {})
  client_manager.push_settings()
end

return M
