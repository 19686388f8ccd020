-- spark/chat runs from Neovim: one at a time, streamed into the panel, cancellable.
local client_manager = require('spark.client')
local events = require('spark.events')
local panel = require('spark.panel')

local M = {}

-- The conversation this Neovim continues, and the agent chosen with :SparkAgents (nil: the server's default).
M.state = { session_id = nil, agent = nil, run = nil, last_result = nil, last_error = nil }
-- Images attached with :SparkImage / :SparkChat --image, sent with the next chat.
M.pending_images = {}

local counter = 0

local function new_token()
  counter = counter + 1
  return string.format('nvim-%d-%d', vim.fn.getpid(), counter)
end

-- Ends `run` once (the reply, or a cancel: Neovim 0.7 never hands a -32800 reply to the handler). A cancelled
-- run keeps its token claimed until its last event (`error: cancelled`), so that event does not show as foreign.
local function finish(run, err, result)
  if run.finished then return end
  run.finished = true
  if not run.cancelled then events.release(run.token) end
  if M.state.run == run then M.state.run = nil end
  M.state.last_error = err
  if err then
    if err.code == -32800 then
      panel.note('cancelled')
    else
      -- The server also shows backend failures with window/showMessage; the panel keeps the text.
      panel.note('failed: ' .. tostring(err.message))
    end
  else
    M.state.last_result = result
    M.state.last_client = run.client
    if result and result.sessionId then M.state.session_id = result.sessionId end
    for _, edit in ipairs(result and result.edits or {}) do
      -- Edits the client could not apply come back in the reply; offer them.
      if not edit.applied and edit.edit then
        panel.note('edit to ' .. tostring(edit.path) .. ' returned unapplied; run :SparkApplyLast to apply it')
      end
    end
  end
  if run.on_done then run.on_done(err, result) end
end

--- Starts a chat. `opts`: `agent`, `workflow`, `bufnr` (the buffer giving context), `range` (an LSP Range in
--- that buffer), `on_done(err, result)`. Returns the run ({token, request_id, client}) or nil.
function M.send(message, opts)
  opts = opts or {}
  if M.state.run then
    vim.notify('spark: a chat is running; :SparkCancel it first', vim.log.levels.WARN)
    return nil
  end
  local client, bufnr = client_manager.get(opts.bufnr)
  if not client then
    vim.notify('spark: no spark-lsp client', vim.log.levels.ERROR)
    return nil
  end
  local run = { token = new_token(), client = client, on_done = opts.on_done }
  local images = opts.images or M.pending_images
  M.pending_images = {}
  local params = {
    message = message,
    token = run.token,
    sessionId = M.state.session_id,
    agent = opts.agent or M.state.agent,
    workflow = opts.workflow,
    images = #images > 0 and vim.tbl_map(function(image) return M.image_reference(image, client) end, images) or nil,
  }
  if bufnr then
    params.textDocument = { uri = vim.uri_from_bufnr(bufnr) }
    params.range = opts.range
  end
  events.claim(run.token, function(event)
    if event.sessionId and event.sessionId ~= vim.NIL then M.state.session_id = event.sessionId end
    if run.cancelled then
      -- The run already ended here; the server's closing `error: cancelled` needs no second line.
      if event.kind == 'done' or event.kind == 'error' then events.release(run.token) end
      if event.kind == 'error' and event.message == 'cancelled' then return end
    end
    panel.event(event)
  end)
  panel.user(message, opts.range and M.location(vim.uri_from_bufnr(bufnr), opts.range) or nil, params.images)
  M.state.run = run
  local ok, request_id = client.request('spark/chat', params, function(err, result)
    finish(run, err, result)
  end, bufnr)
  if not ok then
    events.release(run.token)
    M.state.run = nil
    panel.note('the spark-lsp client has stopped')
    return nil
  end
  run.request_id = request_id
  return run
end

--- "file.py:4-6": a range of a document, as the panel shows a request's context.
function M.location(uri, range)
  local name = vim.fn.fnamemodify(vim.uri_to_fname(uri), ':t')
  return string.format('%s:%d-%d', name, range.start.line + 1, range['end'].line + 1)
end

--- What `spark/chat`'s `images` carries for an attached image: a data URL or `file:` URI as given, a path
--- inside the workspace relative to it, any other path as a `file:` URI.
function M.image_reference(image, client)
  if image:match('^data:') or image:match('^file:') then return image end
  local path = vim.fn.fnamemodify(image, ':p')
  local root = client and client.config.root_dir
  if root and vim.startswith(path, root .. '/') then return path:sub(#root + 2) end
  return vim.uri_from_fname(path)
end

--- Attaches an image to the next chat (:SparkImage, :SparkChat --image); a missing file is refused.
function M.attach_image(image)
  if image == nil or image == '' then
    vim.notify('spark: no image path (give one, or put the cursor on one)', vim.log.levels.WARN)
    return false
  end
  if not (image:match('^data:') or image:match('^file:')) and vim.fn.filereadable(vim.fn.expand(image)) == 0 then
    vim.notify('spark: cannot read the image ' .. image, vim.log.levels.ERROR)
    return false
  end
  if not image:match('^data:') and not image:match('^file:') then image = vim.fn.expand(image) end
  table.insert(M.pending_images, image)
  panel.note('image attached to the next message: ' .. (image:match('^data:') and 'data URL' or image))
  return true
end

--- :SparkCitations: the citations of the last answer in the quickfix list, which opens.
function M.citations_to_quickfix()
  local items = panel.citation_items()
  if #items == 0 then
    vim.notify('spark: the last answer cited nothing', vim.log.levels.INFO)
    return false
  end
  vim.fn.setqflist({}, ' ', { title = 'Spark citations', items = items })
  vim.cmd('copen')
  return true
end

-- Runs a Spark command on the server after showing its request in the open panel: the code actions'
-- spark.codeAction and spark.chat (Neovim calls these client-side commands instead of sending the request).
local function run_command(request, context)
  return function(command, ctx)
    local client = vim.lsp.get_client_by_id(ctx.client_id)
    if not client then return end
    if panel.is_visible() then panel.user(request(command), context(command)) end
    local params = { command = command.command, arguments = command.arguments, workDoneToken = command.workDoneToken }
    client.request('workspace/executeCommand', params, function(err)
      if err and err.code ~= -32800 then
        vim.notify('spark: ' .. tostring(command.title) .. ' failed: ' .. tostring(err.message), vim.log.levels.ERROR)
      end
    end, ctx.bufnr)
  end
end

--- The client-side commands of the Spark client (its `commands`).
function M.client_commands()
  return {
    ['spark.codeAction'] = run_command(function(command) return command.title or 'Spark' end, function(command)
      local arguments = command.arguments and command.arguments[1]
      if type(arguments) ~= 'table' or not arguments.uri or not arguments.range then return nil end
      return M.location(arguments.uri, arguments.range)
    end),
    ['spark.chat'] = run_command(function(command)
      local argument = command.arguments and command.arguments[1]
      return type(argument) == 'table' and tostring(argument.message) or tostring(argument or command.title)
    end, function() return nil end),
  }
end

-- Titles of the work-done progress tokens running now.
local progress_titles = {}

--- Shows a run's work-done progress ($/progress) after the panel's prompt.
function M.progress(_, params)
  local value = type(params) == 'table' and params.value
  if type(value) ~= 'table' or params.token == nil then return end
  local token = tostring(params.token)
  if value.kind == 'begin' then progress_titles[token] = value.title end
  if value.kind == 'end' then
    progress_titles[token] = nil
    panel.progress(nil)
    return
  end
  local title = progress_titles[token]
  if not title then return end
  local text = title .. (value.message and value.message ~= vim.NIL and (' — ' .. value.message) or '')
  if type(value.percentage) == 'number' then text = text .. string.format(' %d%%', value.percentage) end
  panel.progress(text)
end

--- Cancels the running chat with $/cancelRequest (through the client's cancel_request). The run ends at once
--- with a -32800 error: the server answers -32800 and closes the run's events with `error: cancelled`, but
--- Neovim's RPC layer drops -32800 replies instead of passing them to the handler.
function M.cancel()
  local run = M.state.run
  if not run then
    vim.notify('spark: no chat is running', vim.log.levels.INFO)
    return false
  end
  run.cancelled = true
  run.client.cancel_request(run.request_id)
  finish(run, { code = -32800, message = 'Request cancelled' })
  return true
end

--- Applies the edits the last reply returned unapplied (clients that refused them).
function M.apply_last()
  local result = M.state.last_result
  local client = M.state.last_client
  for _, edit in ipairs(result and result.edits or {}) do
    if not edit.applied and edit.edit then
      vim.lsp.util.apply_workspace_edit(edit.edit, client and client.offset_encoding or 'utf-16')
    end
  end
end

-- UTF-8 length of the character starting at byte `col` (1-based) of `line`.
local function char_length(line, col)
  local byte = line:byte(col) or 0
  if byte >= 0xF0 then return 4 elseif byte >= 0xE0 then return 3 elseif byte >= 0xC0 then return 2 end
  return 1
end

local function utf16(line, byte_col)
  local _, units = vim.str_utfindex(line, math.min(byte_col, #line))
  return units
end

--- The LSP range (UTF-16) of lines `line1`..`line2` (1-based) of `bufnr`; with a characterwise visual
--- selection on exactly those lines, the selected characters.
function M.selection_range(bufnr, line1, line2)
  local start_mark = vim.api.nvim_buf_get_mark(bufnr, '<')
  local end_mark = vim.api.nvim_buf_get_mark(bufnr, '>')
  if vim.fn.visualmode() == 'v' and start_mark[1] == line1 and end_mark[1] == line2 then
    local first = vim.api.nvim_buf_get_lines(bufnr, line1 - 1, line1, false)[1] or ''
    local last = vim.api.nvim_buf_get_lines(bufnr, line2 - 1, line2, false)[1] or ''
    local end_byte = end_mark[2] + char_length(last, end_mark[2] + 1)
    return {
      start = { line = line1 - 1, character = utf16(first, start_mark[2]) },
      ['end'] = { line = line2 - 1, character = utf16(last, end_byte) },
    }
  end
  local last = vim.api.nvim_buf_get_lines(bufnr, line2 - 1, line2, false)[1] or ''
  return { start = { line = line1 - 1, character = 0 }, ['end'] = { line = line2 - 1, character = utf16(last, #last) } }
end

local function request(method, params, on_result)
  local client = client_manager.get()
  if not client then
    vim.notify('spark: no spark-lsp client', vim.log.levels.ERROR)
    return
  end
  client.request(method, params, function(err, result)
    if err then
      vim.notify('spark: ' .. method .. ' failed: ' .. tostring(err.message), vim.log.levels.ERROR)
      return
    end
    on_result(result)
  end)
end

--- :SparkAgents: pick the agent for the next chats (or the server's default).
function M.pick_agent(on_picked)
  request('spark/agents', vim.empty_dict(), function(result)
    local items = { { name = nil, description = 'the server decides (defaultAgent)' } }
    vim.list_extend(items, result.agents or {})
    vim.ui.select(items, {
      prompt = 'Spark agent (now: ' .. (M.state.agent or 'default') .. ')',
      format_item = function(agent)
        if not agent.name then return 'default: ' .. agent.description end
        local tools = agent.tools and #agent.tools > 0 and (' [' .. table.concat(agent.tools, ', ') .. ']') or ''
        return string.format('%s (%s): %s%s', agent.name, tostring(agent.model), tostring(agent.description), tools)
      end,
    }, function(choice)
      if not choice then return end
      M.state.agent = choice.name
      panel.note('agent: ' .. (choice.name or 'default'))
      if on_picked then on_picked(choice) end
    end)
  end)
end

--- :SparkSessions: pick a session to continue; its history fills the panel.
function M.pick_session(on_picked)
  request('spark/sessions', vim.empty_dict(), function(result)
    local sessions = result.sessions or {}
    if #sessions == 0 then
      vim.notify('spark: no sessions yet', vim.log.levels.INFO)
      return
    end
    vim.ui.select(sessions, {
      prompt = 'Spark session',
      format_item = function(session)
        local function text(value, fallback) return (value ~= nil and value ~= vim.NIL) and tostring(value) or fallback end
        return string.format('%s  %s (%s, %d messages)', text(session.updatedAt, '?'), text(session.title, session.id),
          text(session.agent, 'no agent'), tonumber(session.messageCount) or 0)
      end,
    }, function(choice)
      if not choice then return end
      M.state.session_id = choice.id
      request('spark/session', { sessionId = choice.id }, function(session)
        panel.open(false)
        panel.show_history(session)
        if on_picked then on_picked(session) end
      end)
    end)
  end)
end

--- :SparkReset: empties the current session's history on the server and the panel's transcript.
--- With `new_session`, forgets the id instead, so the next chat starts a new session.
function M.reset(new_session)
  local id = M.state.session_id
  panel.clear()
  if new_session or not id then
    M.state.session_id = nil
    panel.note('new session')
    return
  end
  request('spark/resetSession', { sessionId = id }, function()
    panel.note('session ' .. id .. ' reset')
  end)
end

return M
