-- The chat panel: a scratch buffer in a split. The transcript fills the buffer; the last line(s),
-- from the one starting with the prompt marker, are what the user types next.
local config = require('spark.config')

local M = {}

M.prompt_marker = '> '
local buffer_name = 'spark://chat'
local state = { bufnr = nil, open_agent = nil, callbacks = {}, tools = {}, marks = {}, citations = {} }
-- Extmarks on tool and citation lines (what <CR> and <Tab> act on), and the progress text on the prompt line.
local ns = vim.api.nvim_create_namespace('spark-panel')
local progress_ns = vim.api.nvim_create_namespace('spark-panel-progress')

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

local function callback(name, ...)
  local fn = state.callbacks[name]
  if fn then return fn(...) end
end

local function create()
  local bufnr = vim.api.nvim_create_buf(false, true)
  state.bufnr = bufnr
  state.tools, state.marks, state.citations = {}, {}, {}
  vim.api.nvim_buf_set_name(bufnr, buffer_name)
  vim.api.nvim_buf_set_option(bufnr, 'buftype', 'nofile')
  vim.api.nvim_buf_set_option(bufnr, 'bufhidden', 'hide')
  vim.api.nvim_buf_set_option(bufnr, 'swapfile', false)
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'sparkchat')
  vim.api.nvim_buf_set_option(bufnr, 'syntax', 'sparkchat')
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, { M.prompt_marker })
  local keys = config.options.panel.keymaps or {}
  map('n', keys.send, function() M.activate() end)
  map('i', keys.send, function()
    vim.cmd('stopinsert')
    M.send_prompt()
  end)
  map('n', keys.cancel, function() callback('cancel') end)
  map('i', keys.cancel, function() callback('cancel') end)
  map('n', keys.close, function() M.close() end)
  map('n', keys.toggle, function() M.toggle() end)
  map('n', keys.sessions, function() callback('sessions') end)
end

--- The panel's buffer (created on first use).
function M.bufnr()
  if not valid() then create() end
  return state.bufnr
end

--- `callbacks.send(message)` runs when the user sends the prompt, `callbacks.cancel()` on the cancel key,
--- `callbacks.sessions()` on the session picker's key.
function M.set_callbacks(callbacks)
  state.callbacks = callbacks
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

local function mark_line(row, target)
  local id = vim.api.nvim_buf_set_extmark(M.bufnr(), ns, row, 0, {})
  state.marks[id] = target
  return id
end

local function row_of(mark)
  local position = vim.api.nvim_buf_get_extmark_by_id(M.bufnr(), ns, mark, {})
  return position[1]
end

local function encode(value)
  if type(value) == 'string' then return value end
  return vim.json.encode(value or vim.empty_dict())
end

-- A progress event as `message (progress/total)`, like the server's own summaries.
local function progress_text(event)
  local function number(value)
    if type(value) ~= 'number' then return tostring(value) end
    return value == math.floor(value) and string.format('%d', value) or tostring(value)
  end
  local count = number(event.progress) .. (event.total and ('/' .. number(event.total)) or '')
  if type(event.message) == 'string' and event.message ~= '' then return event.message .. ' (' .. count .. ')' end
  return count
end

-- A tool call on one line (`▸ name arguments …`, with the tool's latest progress while it runs, then `← result`), or expanded (`▾`) with its arguments and result below.
local function tool_lines(tool)
  local header = '  ' .. (tool.expanded and '▾ ' or '▸ ') .. tostring(tool.name) .. ' ' .. one_line(tool.arguments, 48)
  if tool.result == nil then
    header = header .. ' …' .. (tool.progress and (' ' .. tool.progress) or '')
  else
    header = header .. (tool.is_error and ' ✗ ' or ' ← ') .. one_line(tool.result, 48)
  end
  local details = {}
  if tool.expanded then
    table.insert(details, '    │ arguments:')
    for _, line in ipairs(vim.split(tool.arguments, '\n', { plain = true })) do table.insert(details, '    │   ' .. line) end
    if tool.result == nil then
      table.insert(details, '    │ running' .. (tool.progress and (': ' .. tool.progress) or ''))
    else
      table.insert(details, '    │ ' .. (tool.is_error and 'error:' or 'result:'))
      for _, line in ipairs(vim.split(tool.result, '\n', { plain = true })) do table.insert(details, '    │   ' .. line) end
    end
  end
  return header, details
end

local function render_tool(tool)
  local bufnr = M.bufnr()
  local row = row_of(tool.mark)
  local header, details = tool_lines(tool)
  local old = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1] or ''
  vim.api.nvim_buf_set_text(bufnr, row, 0, row, #old, { header })
  vim.api.nvim_buf_set_lines(bufnr, row + 1, row + 1 + tool.detail_count, false, details)
  tool.detail_count = #details
end

local function add_tool(event)
  local tool = { kind = 'tool', id = event.id, name = event.name, arguments = encode(event.arguments), detail_count = 0 }
  local header = tool_lines(tool)
  M.append({ header })
  tool.mark = mark_line(prompt_index() - 1, tool)
  if event.id then state.tools[event.id] = tool end
  return tool
end

local function citation_location(citation)
  local ok, path = pcall(vim.uri_to_fname, citation.uri or '')
  local line = type(citation.range) == 'table' and citation.range.start and citation.range.start.line or 0
  return ok and path or tostring(citation.uri), line + 1
end

local function add_citation(citation)
  local path, line = citation_location(citation)
  local key = path .. ':' .. line .. ':' .. tostring(citation.title)
  for _, seen in ipairs(state.citations) do
    if seen.key == key then return end
  end
  local entry = { kind = 'citation', citation = citation, path = path, line = line, key = key }
  table.insert(state.citations, entry)
  M.append({ string.format('  [%d] %s · %s:%d', #state.citations, one_line(citation.title or path, 60),
    vim.fn.fnamemodify(path, ':~:.'), line) })
  mark_line(prompt_index() - 1, entry)
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
    add_tool(event)
  elseif kind == 'progress' then
    local tool = event.id and state.tools[event.id]
    if tool and tool.result == nil then
      tool.progress = progress_text(event)
      render_tool(tool)
    end
  elseif kind == 'toolResult' then
    local tool = event.id and state.tools[event.id] or add_tool(event)
    tool.result, tool.is_error = tostring(event.content or ''), event.isError == true
    render_tool(tool)
  elseif kind == 'handoff' then
    M.append({ '  ⇄ handoff ' .. tostring(event.from) .. ' → ' .. tostring(event.to) })
  elseif kind == 'citation' then
    add_citation(event)
  elseif kind == 'edit' then
    local status = event.applied and 'applied' or ('not applied' .. (event.message and (': ' .. event.message) or ''))
    M.append({ '  ✎ ' .. tostring(event.change) .. ' ' .. tostring(event.path or event.uri) .. ' (' .. status .. ')' })
  elseif kind == 'error' then
    M.append({ '  ! error: ' .. one_line(event.message, 200) })
  elseif kind == 'done' then
    for _, citation in ipairs(type(event.citations) == 'table' and event.citations or {}) do add_citation(citation) end
    local usage = event.usage and event.usage.total_tokens
    M.append({ '  ✓ done' .. (usage and (' · ' .. usage .. ' tokens') or ''), '' })
  end
end

--- What the panel line `row` (0-based) shows: a tool call or a citation entry, else nil.
function M.target_at(row)
  local marks = vim.api.nvim_buf_get_extmarks(M.bufnr(), ns, { row, 0 }, { row, -1 }, {})
  for _, mark in ipairs(marks) do
    if state.marks[mark[1]] then return state.marks[mark[1]] end
  end
  return nil
end

local function cursor_row()
  return vim.api.nvim_win_get_cursor(0)[1] - 1
end

--- Expands or folds the tool call on line `row` (default: the cursor's), or the one whose details it is in.
function M.toggle(row)
  row = row or cursor_row()
  local target = M.target_at(row)
  if not target then
    for back = row - 1, 0, -1 do
      local candidate = M.target_at(back)
      if candidate then
        if candidate.kind == 'tool' and back + candidate.detail_count >= row then target = candidate end
        break
      end
    end
  end
  if not target or target.kind ~= 'tool' then return false end
  target.expanded = not target.expanded
  render_tool(target)
  return true
end

--- Opens a citation's file at its line, in another window of the tab (else a new split).
function M.jump(entry)
  local target
  for _, win in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
    if vim.api.nvim_win_get_buf(win) ~= state.bufnr and vim.api.nvim_win_get_config(win).relative == '' then
      target = win
      break
    end
  end
  if target then
    vim.api.nvim_set_current_win(target)
  else
    vim.cmd('leftabove vsplit')
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(entry.path))
  vim.api.nvim_win_set_cursor(0, { math.min(entry.line, vim.api.nvim_buf_line_count(0)), 0 })
end

--- <CR> in normal mode: jumps to the citation under the cursor, expands or folds a tool call, else sends
--- the prompt.
function M.activate()
  local row = cursor_row()
  local target = M.target_at(row)
  if target and target.kind == 'citation' then
    M.jump(target)
  elseif not M.toggle(row) then
    M.send_prompt()
  end
end

--- The citations shown since the last request, as quickfix items.
function M.citation_items()
  local items = {}
  for _, entry in ipairs(state.citations) do
    local snippet = entry.citation.snippet and vim.split(tostring(entry.citation.snippet), '\n', { plain = true })[1]
    table.insert(items, {
      filename = entry.path, lnum = entry.line, col = 1,
      text = tostring(entry.citation.title or '') .. (snippet and snippet ~= '' and (': ' .. snippet) or ''),
    })
  end
  return items
end

--- Shows `text` after the prompt (the work-done progress of a run), or clears it with nil.
function M.progress(text)
  if not valid() then return end
  vim.api.nvim_buf_clear_namespace(state.bufnr, progress_ns, 0, -1)
  if text then
    vim.api.nvim_buf_set_extmark(state.bufnr, progress_ns, prompt_index(), 0,
      { virt_text = { { '  ' .. text, 'Comment' } }, virt_text_pos = 'eol' })
  end
end

--- Adds a request to the transcript before its answer: what the user typed, a code action's title or a
--- command's message; `context` ("sample.py:4-6") and `images` (paths or URIs attached) below it.
function M.user(message, context, images)
  local lines = { 'you: ' .. (vim.split(message, '\n', { plain = true })[1] or '') }
  for i, line in ipairs(vim.split(message, '\n', { plain = true })) do
    if i > 1 then table.insert(lines, '     ' .. line) end
  end
  if context then table.insert(lines, '  (context: ' .. context .. ')') end
  for _, image in ipairs(images or {}) do
    local shown = vim.startswith(image, 'data:') and (image:match('^data:([^;,]*)') or 'data') .. ' data URL' or image
    table.insert(lines, '  ▣ image: ' .. shown)
  end
  state.citations = {}
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
  vim.api.nvim_buf_clear_namespace(state.bufnr, ns, 0, -1)
  state.open_agent, state.tools, state.marks, state.citations = nil, {}, {}, {}
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
  callback('send', message)
end

return M
