-- Options of require('spark').setup{}: defaults, validation and the merged result.
local M = {}

M.defaults = {
  -- The server command; `cmd_env` adds environment variables (VLLM_ENDPOINT, CODING_MODEL, ...).
  cmd = { 'spark-lsp', '--stdio' },
  cmd_env = nil,
  -- The `spark` settings of docs/protocol.md (endpoint, apiKey, defaultAgent, agents, approval, ...).
  -- Sent as initializationOptions, answered to workspace/configuration (section `spark`) and pushed with
  -- workspace/didChangeConfiguration by require('spark').update_settings{}.
  settings = {},
  -- Filetypes to attach to: a list, or nil for every normal file buffer.
  filetypes = nil,
  -- Files or folders whose presence marks a workspace root; the first match going up wins, else the
  -- file's folder. One client runs per root.
  root_markers = { '.spark', '.git', 'Package.swift', 'package.json', 'pyproject.toml', 'go.mod', 'Cargo.toml' },
  -- Called as on_attach(client, bufnr) after each attach.
  on_attach = nil,
  -- Extra client capabilities merged over Neovim's.
  capabilities = nil,
  flags = { debounce_text_changes = 150 },
  -- Start the client automatically for matching buffers (else on the first :Spark command).
  autostart = true,
  panel = {
    -- 'botright vsplit', 'botright split', 'tabnew', ...
    split = 'botright vsplit',
    width = 60,
    height = 15,
    -- Buffer-local keys in the chat panel; set one to false to leave it unmapped. `send` (<CR>) on a
    -- citation opens it, on a tool call expands or folds it; `toggle` expands or folds; `sessions` picks one.
    keymaps = { send = '<CR>', cancel = '<C-c>', close = 'q', toggle = '<Tab>', sessions = 'gs' },
    -- Show events of runs the panel did not start (code actions, spark.chat) when the panel is open.
    show_foreign_runs = true,
  },
}

M.options = vim.deepcopy(M.defaults)

function M.apply(user)
  user = user or {}
  vim.validate({
    cmd = { user.cmd, 'table', true },
    settings = { user.settings, 'table', true },
    filetypes = { user.filetypes, 'table', true },
    root_markers = { user.root_markers, 'table', true },
    on_attach = { user.on_attach, 'function', true },
    panel = { user.panel, 'table', true },
  })
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), user)
  -- Lists replace, never merge index by index.
  for _, key in ipairs({ 'cmd', 'filetypes', 'root_markers' }) do
    if user[key] then M.options[key] = user[key] end
  end
  return M.options
end

return M
