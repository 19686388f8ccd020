-- Shared start-up of the editor end-to-end scripts: the Spark plugin from SPARK_PLUGIN_DIR on the runtimepath,
-- the real spark-lsp (SPARK_LSP_BIN) attached to SPARK_TEST_FILE. The outcome goes to SPARK_TEST_RESULT as
-- `PASS: ...` or `FAIL: ...` (a missing server method is a failure too); exit 1 on FAIL.
local H = {}

H.file = os.getenv('SPARK_TEST_FILE')
local result_path = os.getenv('SPARK_TEST_RESULT')

local Stop = {}

--- Records the outcome and quits Neovim; raises to unwind the caller.
function H.finish(status, message)
  local out = io.open(result_path, 'w')
  out:write(status .. ': ' .. message .. '\n')
  out:close()
  if status == 'FAIL' then vim.cmd('cquit 1') else vim.cmd('qall!') end
  error(Stop)
end

function H.fail(message) H.finish('FAIL', message) end

function H.check(condition, message)
  if not condition then H.fail(message) end
end

--- Runs `fn`, turning a Lua error into FAIL.
function H.guard(fn)
  local ok, err = pcall(fn)
  if not ok and err ~= Stop then
    pcall(H.finish, 'FAIL', 'error: ' .. tostring(err))
  end
end

--- Waits up to `ms` for `condition` (a hang becomes a failure, not a synchronisation delay).
function H.wait(ms, condition)
  return vim.wait(ms, condition, 10)
end

--- The buffer's text as the file would hold it.
function H.buffer_text(bufnr)
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n')
  if vim.api.nvim_buf_get_option(bufnr, 'eol') then text = text .. '\n' end
  return text
end

function H.read_file(path)
  local handle = io.open(path, 'r')
  if not handle then return nil end
  local text = handle:read('*a')
  handle:close()
  return text
end

--- Loads the plugin, sets it up, opens the test file; returns spark, client, bufnr once initialized.
function H.start(settings)
  vim.opt.runtimepath:prepend(os.getenv('SPARK_PLUGIN_DIR'))
  vim.cmd('runtime plugin/spark.lua')
  local spark = require('spark')
  spark.setup({
    cmd = { os.getenv('SPARK_LSP_BIN'), '--stdio', '--log-level', 'warning' },
    settings = settings or {},
    flags = { debounce_text_changes = 0 },
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(H.file))
  local bufnr = vim.api.nvim_get_current_buf()
  local clients = {}
  H.check(H.wait(10000, function()
    clients = vim.lsp.buf_get_clients(bufnr)
    local _, client = next(clients)
    return client ~= nil and client.initialized
  end), 'spark-lsp did not start and attach')
  local _, client = next(clients)
  H.check(client.name == 'spark', 'unexpected client ' .. tostring(client.name))
  return spark, client, bufnr
end

--- Fails unless the server answers `method` (anything but -32601).
function H.require_method(client, bufnr, method, params)
  local response = client.request_sync(method, params or {}, 10000, bufnr)
  H.check(response ~= nil, method .. ' got no reply')
  if response.err and response.err.code == -32601 then
    H.finish('FAIL', 'spark-lsp does not implement ' .. method .. ' yet')
  end
  return response
end

return H
