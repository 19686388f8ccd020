-- The chat panel: a scratch buffer in a split. The transcript fills the buffer; the last line(s),
-- from the one starting with the prompt marker, are what the user types next.
local config = require('spark.config')

local M = {}

M.prompt_marker = '> '
local buffer_name = 'spark://chat'
local state = { bufnr = nil, open_agent = nil, on_send = nil, on_cancel = nil }

local function valid()
  return state.bufnr ~= nil and vim.api.nvim_buf_is_valid(state.bufnr)
end

-- JSON null arrives as vim.NIL; treat it as absent.
local function present(value)
  if value == vim.NIL then return nil end
  return value
end

local function one_line(text, limit)
  text = tostring(text or ''):gsub('%s+', ' ')
  limit = limit or 100
  if vim.fn.strchars(text) > limit then text = vim.fn.strcharpart(text, 0, limit - 1) .. '…' end
  return text
end

-- 0-based index of the prompt line (the last line starting with the marker); creates it when missing.
local function prompt_index()
  local lines = vim.api.nvim_buf_get_lines(state.bufnr, 0, -1, false)
  for i = #lines, 1, -1 do
    if vim.startswith(lines[i], M.prompt_marker) then return i - 1 end
  end
  vim.api.nvim_buf_set_lines(state.bufnr, #lines, #lines, false, { M.prompt_marker })
  return #lines
end

local function follow()
  for _, win in ipairs(vim.fn.win_findbuf(state.bufnr)) do
    if win ~= vim.api.nvim_get_current_win() then
      vim.api.nvim_win_set_cursor(win, { vim.api.nvim_buf_line_count(state.bufnr), 0 })
    end
  end
end

local function map(mode, lhs, fn)
  if lhs then vim.api.nvim_buf_set_keymap(state.bufnr, mode, lhs, '', { noremap = true, silent = true, callback = fn }) end
end

local function create()
  local bufnr = vim.api.nvim_create_buf(false, true)
  state.bufnr = bufnr
  vim.api.nvim_buf_set_name(bufnr, buffer_name)
  vim.api.nvim_buf_set_option(bufnr, 'buftype', 'nofile')
  vim.api.nvim_buf_set_option(bufnr, 'bufhidden', 'hide')
  vim.api.nvim_buf_set_option(bufnr, 'swapfile', false)
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'sparkchat')
  vim.api.nvim_buf_set_option(bufnr, 'syntax', 'markdown')
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, { M.prompt_marker })
  local keys = config.options.panel.keymaps or {}
  local send = function() M.send_prompt() end
  map('n', keys.send, send)
  map('i', keys.send, function()
    vim.cmd('stopinsert')
    send()
  end)
  map('n', keys.cancel, function() if state.on_cancel then state.on_cancel() end end)
  map('n', keys.close, function() M.close() end)
end

--- The panel's buffer (created on first use).
function M.bufnr()
  if not valid() then create() end
  return state.bufnr
end

--- `on_send(message)` runs when the user sends the prompt; `on_cancel()` on the cancel key.
function M.set_callbacks(on_send, on_cancel)
  state.on_send, state.on_cancel = on_send, on_cancel
end

function M.is_visible()
  return valid() and #vim.fn.win_findbuf(state.bufnr) > 0
end

--- Shows the panel in a split (reusing a window that shows it); `focus` puts the cursor on the prompt.
function M.open(focus)
  local bufnr = M.bufnr()
  local wins = vim.fn.win_findbuf(bufnr)
  local previous = vim.api.nvim_get_current_win()
  local win = wins[1]
  if not win then
    local panel = config.options.panel
    vim.cmd(panel.split)
    win = vim.api.nvim_get_current_win()
    vim.api.nvim_win_set_buf(win, bufnr)
    if panel.split:find('vsplit') then
      vim.api.nvim_win_set_width(win, panel.width)
    elseif panel.split:find('split') then
      vim.api.nvim_win_set_height(win, panel.height)
    end
    vim.api.nvim_win_set_option(win, 'wrap', true)
    vim.api.nvim_win_set_option(win, 'number', false)
  end
  if focus then
    vim.api.nvim_set_current_win(win)
    vim.api.nvim_win_set_cursor(win, { vim.api.nvim_buf_line_count(bufnr), #M.prompt_marker })
  else
    vim.api.nvim_set_current_win(previous)
    vim.api.nvim_win_set_cursor(win, { vim.api.nvim_buf_line_count(bufnr), 0 })
  end
end

function M.close()
  if not valid() then return end
  for _, win in ipairs(vim.fn.win_findbuf(state.bufnr)) do
    if #vim.api.nvim_list_wins() > 1 then vim.api.nvim_win_close(win, false) end
  end
end

--- The transcript (every line above the prompt).
function M.transcript()
  if not valid() then return {} end
  return vim.api.nvim_buf_get_lines(state.bufnr, 0, prompt_index(), false)
end

--- Appends whole lines to the transcript; the open text block (if any) ends.
function M.append(lines)
  local bufnr = M.bufnr()
  local at = prompt_index()
  vim.api.nvim_buf_set_lines(bufnr, at, at, false, lines)
  state.open_agent = nil
  follow()
end

-- Streams `text` into the open text block of `agent`, starting one when needed.
local function stream(agent, text)
  local bufnr = M.bufnr()
  if state.open_agent ~= agent then
    M.append({ (agent or 'spark') .. ': ' })
    state.open_agent = agent
  end
  local last = prompt_index() - 1
  local current = vim.api.nvim_buf_get_lines(bufnr, last, last + 1, false)[1] or ''
  local parts = vim.split(current .. text, '\n', { plain = true })
  vim.api.nvim_buf_set_lines(bufnr, last, last + 1, false, parts)
  follow()
end

--- Renders one spark/chatEvent.
function M.event(event)
  for key, value in pairs(event) do
    if value == vim.NIL then event[key] = nil end
  end
  local kind = event.kind
  if kind == 'delta' then
    stream(event.agent, event.text or '')
  elseif kind == 'toolCall' then
    local arguments = type(event.arguments) == 'string' and event.arguments or vim.json.encode(event.arguments or {})
    M.append({ '  → ' .. tostring(event.name) .. ' ' .. one_line(arguments, 80) })
  elseif kind == 'toolResult' then
    local mark = event.isError and '  ✗ ' or '  ← '
    M.append({ mark .. tostring(event.name) .. ': ' .. one_line(event.content, 100) })
  elseif kind == 'handoff' then
    M.append({ '  ⇄ handoff ' .. tostring(event.from) .. ' → ' .. tostring(event.to) })
  elseif kind == 'edit' then
    local status = event.applied and 'applied' or ('not applied' .. (event.message and (': ' .. event.message) or ''))
    M.append({ '  ✎ ' .. tostring(event.change) .. ' ' .. tostring(event.path or event.uri) .. ' (' .. status .. ')' })
  elseif kind == 'error' then
    M.append({ '  ! error: ' .. one_line(event.message, 200) })
  elseif kind == 'done' then
    local usage = event.usage and event.usage.total_tokens
    M.append({ '  ✓ done' .. (usage and (' · ' .. usage .. ' tokens') or ''), '' })
  end
end

--- Adds the user's message to the transcript.
function M.user(message, context)
  local lines = { 'you: ' .. (vim.split(message, '\n', { plain = true })[1] or '') }
  for i, line in ipairs(vim.split(message, '\n', { plain = true })) do
    if i > 1 then table.insert(lines, '     ' .. line) end
  end
  if context then table.insert(lines, '  (context: ' .. context .. ')') end
  M.append(lines)
end

--- A one-line note (cancelled, failed, session changes).
function M.note(text)
  M.append({ '  -- ' .. text })
end

--- Replaces the transcript with a session's messages (spark/session).
function M.show_history(session)
  M.clear()
  M.note('session ' .. tostring(session.id) .. (present(session.agent) and (' · ' .. session.agent) or ''))
  for _, message in ipairs(present(session.messages) or {}) do
    local content = present(message.content)
    if message.role == 'user' then
      M.user(content or '')
    elseif message.role == 'assistant' and content and content ~= '' then
      stream(present(message.agent) or 'assistant', content)
      state.open_agent = nil
    elseif message.role == 'tool' then
      M.append({ '  ← ' .. one_line(content, 100) })
    end
  end
end

--- Empties the transcript, keeping what the user is typing.
function M.clear()
  if not valid() then return end
  local at = prompt_index()
  vim.api.nvim_buf_set_lines(state.bufnr, 0, at, false, {})
  state.open_agent = nil
end

--- Sends what is typed after the prompt marker and clears the prompt.
function M.send_prompt()
  local bufnr = M.bufnr()
  local at = prompt_index()
  local lines = vim.api.nvim_buf_get_lines(bufnr, at, -1, false)
  lines[1] = lines[1]:sub(#M.prompt_marker + 1)
  local message = vim.trim(table.concat(lines, '\n'))
  if message == '' then return end
  vim.api.nvim_buf_set_lines(bufnr, at, -1, false, { M.prompt_marker })
  if state.on_send then state.on_send(message) end
end

return M
