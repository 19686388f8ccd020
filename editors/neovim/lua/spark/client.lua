-- One spark-lsp client per workspace root: start, attach, find.
local config = require('spark.config')
local events = require('spark.events')
local compat = require('spark.compat')

local M = {}

-- root directory -> client id
local by_root = {}

local function is_dir(path)
  local stat = vim.loop.fs_stat(path)
  return stat ~= nil and stat.type == 'directory'
end

--- The workspace root of `path`: the nearest folder holding one of the root markers, else its folder.
function M.root_of(path)
  local start = path ~= '' and vim.fn.fnamemodify(path, ':p:h') or vim.loop.cwd()
  if not is_dir(start) then start = vim.loop.cwd() end
  local dir = start
  while true do
    for _, marker in ipairs(config.options.root_markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then return start end
    dir = parent
  end
end

local function capabilities()
  local caps = vim.lsp.protocol.make_client_capabilities()
  -- Neovim 0.7 applies documentChanges (TextDocumentEdit with the buffer version, CreateFile, DeleteFile)
  -- but does not say so; with it the server sends versioned edits.
  caps.workspace.workspaceEdit = caps.workspace.workspaceEdit or {}
  caps.workspace.workspaceEdit.documentChanges = true
  caps.workspace.configuration = true
  caps.workspace.didChangeConfiguration = { dynamicRegistration = false }
  caps.window = caps.window or {}
  caps.window.showDocument = { support = true }
  if config.options.capabilities then
    caps = vim.tbl_deep_extend('force', caps, config.options.capabilities)
  end
  return caps
end

-- window/showDocument (Neovim 0.7 has no handler): open the file, select the range when given.
local function show_document(_, result, ctx)
  if not result or not result.uri then return { success = false } end
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  local ok = pcall(function()
    if result.external then
      vim.fn.jobstart({ vim.fn.has('mac') == 1 and 'open' or 'xdg-open', result.uri }, { detach = true })
      return
    end
    local bufnr = vim.uri_to_bufnr(result.uri)
    vim.fn.bufload(bufnr)
    local win = vim.fn.bufwinid(bufnr)
    if win ~= -1 then
      vim.api.nvim_set_current_win(win)
    else
      vim.api.nvim_set_current_buf(bufnr)
    end
    if result.selection and client then
      local line = result.selection.start.line
      local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] or ''
      local col = vim.lsp.util._get_line_byte_from_position(bufnr, result.selection.start, client.offset_encoding)
      vim.api.nvim_win_set_cursor(0, { line + 1, math.min(col, #text) })
    end
  end)
  return { success = ok }
end

local function settings_payload()
  local settings = config.options.settings or {}
  return settings, { spark = settings }
end

-- Set by require('spark').setup(): the client-side commands (spark.codeAction and spark.chat show their
-- request in the panel, then run on the server) and the `$/progress` handler of Neovim < 0.10.
M.commands = {}
M.progress_handler = nil

--- The client configuration; `root` nil gives a root_dir function (for vim.lsp.config on 0.11+).
function M.client_config(root)
  local settings, wrapped = settings_payload()
  local handlers = {
    ['spark/chatEvent'] = events.handle,
    ['window/showDocument'] = show_document,
    ['$/progress'] = M.progress_handler,
  }
  return {
    name = 'spark',
    cmd = config.options.cmd,
    cmd_env = config.options.cmd_env,
    filetypes = config.options.filetypes,
    root_dir = root or function(bufnr, on_dir)
      if M.wants(bufnr) then on_dir(M.root_of(vim.api.nvim_buf_get_name(bufnr))) end
    end,
    workspace_folders = root and { { uri = vim.uri_from_fname(root), name = root } } or nil,
    init_options = next(settings) and settings or nil,
    settings = wrapped,
    capabilities = capabilities(),
    flags = config.options.flags,
    handlers = handlers,
    commands = M.commands,
    on_attach = config.options.on_attach,
  }
end

local function start(root, bufnr)
  local client_config = M.client_config(root)
  client_config.on_exit = function(_, _, id)
    if by_root[root] == id then by_root[root] = nil end
  end
  local id = compat.start(client_config, bufnr)
  if not id then
    vim.notify('spark: could not start ' .. table.concat(config.options.cmd, ' '), vim.log.levels.ERROR)
    return nil
  end
  by_root[root] = id
  return id
end

local function live(id)
  local client = id and vim.lsp.get_client_by_id(id)
  if client and not client.is_stopped() then return client end
  return nil
end

--- Whether `bufnr` is a buffer Spark attaches to.
function M.wants(bufnr)
  if vim.api.nvim_buf_get_option(bufnr, 'buftype') ~= '' then return false end
  if vim.api.nvim_buf_get_name(bufnr) == '' then return false end
  local filetypes = config.options.filetypes
  if not filetypes then return true end
  return vim.tbl_contains(filetypes, vim.api.nvim_buf_get_option(bufnr, 'filetype'))
end

--- Starts (or reuses) the client of `bufnr`'s root and attaches it; returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not M.wants(bufnr) then return nil end
  local root = M.root_of(vim.api.nvim_buf_get_name(bufnr))
  local id = by_root[root]
  if not live(id) then return start(root, bufnr) end
  if not vim.lsp.buf_is_attached(bufnr, id) then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

--- The client for `bufnr` (attaching it when it is a file buffer), else the client of the working
--- directory's root, else any running Spark client, else a new one for the working directory.
--- Returns the client and the buffer to send requests for (nil when none is attached).
function M.get(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local id = M.attach(bufnr)
  if live(id) then return live(id), bufnr end
  local root = M.root_of('')
  if live(by_root[root]) then return live(by_root[root]), nil end
  for _, other in pairs(by_root) do
    if live(other) then return live(other), nil end
  end
  id = start(root, nil)
  return live(id), nil
end

--- Every running Spark client.
function M.all()
  local clients = {}
  for _, id in pairs(by_root) do
    local client = live(id)
    if client then table.insert(clients, client) end
  end
  return clients
end

--- Sends workspace/didChangeConfiguration with the current settings to every client.
function M.push_settings()
  local _, wrapped = settings_payload()
  for _, client in ipairs(M.all()) do
    client.config.settings = wrapped
    client.notify('workspace/didChangeConfiguration', { settings = wrapped })
  end
end

--- Stops every client (for :SparkStop and tests).
function M.stop_all()
  for root, id in pairs(by_root) do
    local client = live(id)
    if client then client.stop() end
    by_root[root] = nil
  end
end

return M
