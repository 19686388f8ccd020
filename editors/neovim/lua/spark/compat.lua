-- The Neovim version branches, each small and each tested with the API it needs stubbed
-- (Tests/EndToEndTests/Neovim/compat_check.lua): Neovim 0.7 has none of these APIs and takes the fallback.
local M = {}

--- Starts a client for `config` and attaches `bufnr` (when given); returns the client id or nil.
--- 0.8+ with a buffer: vim.lsp.start, which reuses a running client of the same name and root_dir.
--- 0.7, or no buffer (a chat from a scratch buffer): vim.lsp.start_client, then vim.lsp.buf_attach_client.
function M.start(config, bufnr)
  if vim.lsp.start and bufnr then return vim.lsp.start(config, { bufnr = bufnr }) end
  local id = vim.lsp.start_client(config)
  if id and bufnr and not vim.lsp.buf_is_attached(bufnr, id) then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

--- 0.11+: registers `config` as the `spark` configuration (vim.lsp.config, where users and :checkhealth
--- vim.lsp see it) and, with `autostart`, lets Neovim attach it (vim.lsp.enable). Returns true when it did,
--- false on older versions, where the caller attaches buffers itself.
function M.register(config, autostart)
  if not (vim.lsp.config and vim.lsp.enable) then return false end
  vim.lsp.config('spark', config)
  if autostart then vim.lsp.enable('spark') end
  return true
end

--- Calls `callback(client_id, params)` for every `$/progress` notification of a Spark client.
--- 0.10+: the LspProgress autocmd (Neovim keeps its own handler). Older: returns a `$/progress` handler for the
--- client's `handlers` that calls Neovim's and then `callback`; nil when the autocmd serves.
function M.on_progress(group, callback)
  if vim.lsp.status then
    vim.api.nvim_create_autocmd('LspProgress', {
      group = group,
      callback = function(args)
        local data = args.data or {}
        local client = data.client_id and vim.lsp.get_client_by_id(data.client_id)
        if client and client.name == 'spark' and data.params then callback(data.client_id, data.params) end
      end,
    })
    return nil
  end
  return function(err, result, ctx, config)
    local default = vim.lsp.handlers['$/progress']
    local value = default and default(err, result, ctx, config)
    if result then callback(ctx.client_id, result) end
    return value
  end
end

--- The health report functions: vim.health.start/ok/warn/error/info (0.10+), vim.health.report_* (0.8, 0.9),
--- require('health').report_* (0.7).
function M.health()
  local api = vim.health or require('health')
  if api.start then
    return { start = api.start, ok = api.ok, warn = api.warn, error = api.error, info = api.info }
  end
  return {
    start = api.report_start, ok = api.report_ok, warn = api.report_warn, error = api.report_error,
    info = api.report_info,
  }
end

return M
