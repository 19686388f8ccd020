-- The Neovim version branches of lua/spark/compat.lua, each with the API it needs stubbed (only Neovim 0.7 runs
-- here): vim.lsp.start (0.8+), vim.lsp.config/vim.lsp.enable (0.11+), the LspProgress event (0.10+), vim.health
-- (0.8+, 0.10+), and the 0.7 fallbacks without stubs. SPARK_TEST_SCENARIO picks one branch.
-- Environment: SPARK_PLUGIN_DIR, SPARK_TEST_FILE, SPARK_TEST_RESULT.
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

H.guard(function()
  vim.opt.runtimepath:prepend(os.getenv('SPARK_PLUGIN_DIR'))
  vim.cmd('runtime plugin/spark.lua')
  local scenario = os.getenv('SPARK_TEST_SCENARIO')
  local root = vim.fn.fnamemodify(H.file, ':h')
  local calls = {}
  local function record(name, result)
    return function(...)
      table.insert(calls, { name = name, args = { ... } })
      return result
    end
  end
  local spark = require('spark')

  if scenario == 'start' then
    -- 0.8+: vim.lsp.start with the buffer (it reuses a client of the same name and root); no start_client.
    vim.lsp.start = record('start', 42)
    vim.lsp.start_client = record('start_client', 43)
    vim.lsp.buf_attach_client = record('buf_attach_client', true)
    spark.setup({ cmd = { 'spark-lsp', '--stdio' } })
    vim.cmd('edit ' .. vim.fn.fnameescape(H.file))
    local bufnr = vim.api.nvim_get_current_buf()
    H.check(#calls >= 1 and calls[1].name == 'start', 'vim.lsp.start was not used: ' .. vim.inspect(calls))
    local config, opts = calls[1].args[1], calls[1].args[2]
    H.check(config.name == 'spark' and config.root_dir == root and config.cmd[1] == 'spark-lsp',
      'vim.lsp.start got ' .. vim.inspect(config))
    H.check(opts.bufnr == bufnr, 'vim.lsp.start attached buffer ' .. tostring(opts.bufnr))
    H.check(type(config.commands['spark.codeAction']) == 'function', 'the client has no spark.codeAction command')
    for _, call in ipairs(calls) do
      H.check(call.name == 'start', call.name .. ' was called on the vim.lsp.start branch')
    end
    H.finish('PASS', 'vim.lsp.start(config, { bufnr = ' .. bufnr .. ' })')
  elseif scenario == 'enable' then
    -- 0.11+: the configuration registered with vim.lsp.config and enabled; the plugin sets no autocmd of its own.
    vim.lsp.config = record('config')
    vim.lsp.enable = record('enable')
    vim.lsp.start = record('start', 42)
    spark.setup({ cmd = { 'spark-lsp', '--stdio' } })
    H.check(#calls == 2 and calls[1].name == 'config' and calls[2].name == 'enable',
      'expected vim.lsp.config then vim.lsp.enable: ' .. vim.inspect(calls))
    H.check(calls[1].args[1] == 'spark' and calls[2].args[1] == 'spark', 'not registered as spark')
    local config = calls[1].args[2]
    H.check(config.cmd[1] == 'spark-lsp' and type(config.root_dir) == 'function', 'registered ' .. vim.inspect(config))
    H.check(#vim.api.nvim_get_autocmds({ group = 'spark', event = 'FileType' }) == 0,
      'the plugin attaches buffers itself too')
    vim.cmd('edit ' .. vim.fn.fnameescape(H.file))
    local found
    config.root_dir(vim.api.nvim_get_current_buf(), function(dir) found = dir end)
    H.check(found == root, 'root_dir gave ' .. tostring(found))
    local scratch = vim.api.nvim_create_buf(false, true)
    found = nil
    config.root_dir(scratch, function(dir) found = dir end)
    H.check(found == nil, 'root_dir accepted a scratch buffer')
    H.finish('PASS', 'vim.lsp.config + vim.lsp.enable')
  elseif scenario == 'progress-event' then
    -- 0.10+: the LspProgress autocmd feeds the panel; the client keeps Neovim's own $/progress handler.
    vim.lsp.status = function() return '' end
    local create = vim.api.nvim_create_autocmd
    local progress
    vim.api.nvim_create_autocmd = function(event, opts)
      if event == 'LspProgress' then
        progress = opts.callback
        return 1
      end
      return create(event, opts)
    end
    vim.lsp.get_client_by_id = function(id) return id == 7 and { name = 'spark' } or { name = 'other' } end
    spark.setup({ autostart = false })
    H.check(progress ~= nil, 'no LspProgress autocmd')
    H.check(require('spark.client').client_config('/w').handlers['$/progress'] == nil,
      'the client replaces $/progress although LspProgress serves')
    spark.panel.open(false)
    local ns = vim.api.nvim_create_namespace('spark-panel-progress')
    local function shown()
      local marks = vim.api.nvim_buf_get_extmarks(spark.panel.bufnr(), ns, 0, -1, { details = true })
      return marks[1] and marks[1][4].virt_text[1][1] or nil
    end
    progress({ data = { client_id = 7, params = { token = 't', value = { kind = 'begin', title = 'Spark: explain' } } } })
    progress({ data = { client_id = 7, params = { token = 't', value = { kind = 'report', message = 'coding', percentage = 40 } } } })
    H.check(shown() == '  Spark: explain — coding 40%', 'the panel shows ' .. vim.inspect(shown()))
    progress({ data = { client_id = 8, params = { token = 'u', value = { kind = 'begin', title = 'other server' } } } })
    progress({ data = { client_id = 8, params = { token = 'u', value = { kind = 'report', message = 'x' } } } })
    H.check(shown() == '  Spark: explain — coding 40%', 'another server\'s progress reached the panel')
    progress({ data = { client_id = 7, params = { token = 't', value = { kind = 'end' } } } })
    H.check(shown() == nil, 'the progress stayed after its end')
    H.finish('PASS', 'LspProgress')
  elseif scenario == 'progress-handler' then
    -- 0.7 (no stubs): a $/progress handler that calls Neovim's, then feeds the panel.
    spark.setup({ autostart = false })
    local handler = require('spark.client').client_config('/w').handlers['$/progress']
    H.check(type(handler) == 'function', 'no $/progress handler on 0.7')
    local client = { name = 'spark', messages = { progress = {} } }
    vim.lsp.get_client_by_id = function() return client end
    spark.panel.open(false)
    handler(nil, { token = 1, value = { kind = 'begin', title = 'Spark: review' } }, { client_id = 3 })
    H.check(client.messages.progress[1] ~= nil, 'Neovim\'s own handler did not run')
    local ns = vim.api.nvim_create_namespace('spark-panel-progress')
    local marks = vim.api.nvim_buf_get_extmarks(spark.panel.bufnr(), ns, 0, -1, { details = true })
    H.check(marks[1] and marks[1][4].virt_text[1][1] == '  Spark: review', 'the panel shows ' .. vim.inspect(marks))
    H.finish('PASS', '$/progress handler')
  elseif scenario == 'health' then
    -- vim.health.start/ok/... (0.10+), vim.health.report_* (0.8, 0.9), require('health').report_* (0.7).
    local compat = require('spark.compat')
    H.check(compat.health().ok == require('health').report_ok, '0.7 does not use require("health")')
    local modern = { start = record('start'), ok = record('ok'), warn = record('warn'), error = record('error'), info = record('info') }
    vim.health = modern
    H.check(compat.health().ok == modern.ok and compat.health().start == modern.start, '0.10 API not used')
    local older = { report_start = record('report_start'), report_ok = record('report_ok'),
      report_warn = record('report_warn'), report_error = record('report_error'), report_info = record('report_info') }
    vim.health = older
    H.check(compat.health().error == older.report_error and compat.health().info == older.report_info,
      '0.8 API not used')
    H.finish('PASS', 'health APIs')
  else
    H.fail('unknown scenario ' .. tostring(scenario))
  end
end)
