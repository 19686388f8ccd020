-- :checkhealth spark: Neovim, the spark-lsp binary (found, its version) and `spark-lsp doctor --json` run the
-- way the client runs the server (cmd_env, the current file's workspace root).
local config = require('spark.config')
local compat = require('spark.compat')

local M = {}

-- How long one spark-lsp run may take (the doctor probes the model endpoints).
M.timeout_ms = 60000

--- Runs `argv` in `cwd` with `env` added to Neovim's environment; returns exit code (-1: timed out,
--- -2: could not start), stdout, stderr.
function M.run(argv, env, cwd)
  local out, err = {}, {}
  local ok, job = pcall(vim.fn.jobstart, argv, {
    cwd = cwd, env = env, stdout_buffered = true, stderr_buffered = true,
    on_stdout = function(_, data) out = data end,
    on_stderr = function(_, data) err = data end,
  })
  if not ok or job <= 0 then return -2, '', tostring(ok and 'not executable' or job) end
  vim.fn.chanclose(job, 'stdin')
  local code = vim.fn.jobwait({ job }, M.timeout_ms)[1]
  if code == -1 then vim.fn.jobstop(job) end
  return code, table.concat(out, '\n'), table.concat(err, '\n')
end

local function first_line(text)
  return vim.trim(vim.split(text or '', '\n', { plain = true })[1] or '')
end

local function report_check(health, check)
  local text = tostring(check.title or check.id) .. (check.detail and check.detail ~= '' and (': ' .. check.detail) or '')
  local advice = check.hint and check.hint ~= vim.NIL and { check.hint } or nil
  if check.verdict == 'ok' then
    health.ok(text)
  elseif check.verdict == 'warning' then
    health.warn(text, advice)
  elseif check.verdict == 'failure' then
    health.error(text, advice)
  else
    health.info('skipped: ' .. text)
  end
end

--- The doctor's environment: `cmd_env`, the workspace `root` the client sends the server (WORKSPACE_DIR), and
--- the `endpoint` and `apiKey` settings as the variables they override in the server (the doctor reads no LSP
--- settings).
function M.doctor_env(root)
  local env = vim.deepcopy(config.options.cmd_env or {})
  env.WORKSPACE_DIR = env.WORKSPACE_DIR or root
  local settings = config.options.settings or {}
  if type(settings.endpoint) == 'string' then env.VLLM_ENDPOINT = settings.endpoint end
  if type(settings.apiKey) == 'string' then env.VLLM_API_KEY = settings.apiKey end
  return env
end

local function doctor(health, binary, cwd)
  health.start('spark-lsp doctor (in ' .. cwd .. ')')
  local code, stdout, stderr = M.run({ binary, 'doctor', '--json' }, M.doctor_env(cwd), cwd)
  local ok, report = pcall(vim.json.decode, stdout)
  if code == -1 then
    health.error(string.format('spark-lsp doctor did not finish in %d s', M.timeout_ms / 1000))
    return
  end
  if not ok or type(report) ~= 'table' or type(report.checks) ~= 'table' then
    health.error('spark-lsp doctor --json failed (exit ' .. code .. '): ' .. first_line(stderr ~= '' and stderr or stdout),
      { 'a spark-lsp without `doctor` is older than this plugin: run `make install` in the SparkLSP repository again' })
    return
  end
  for _, check in ipairs(report.checks) do report_check(health, check) end
  local verdict = tostring(report.verdict)
  if code == 0 and verdict ~= 'failure' then
    health.ok('doctor verdict: ' .. verdict)
  else
    health.error('doctor verdict: ' .. verdict .. ' (exit ' .. code .. ')',
      { 'fix the failures above; of the settings you give setup(), the doctor sees endpoint and apiKey, '
        .. 'besides cmd_env, the environment and .spark/config.json' })
  end
end

--- The file buffer used last (:checkhealth runs in a scratch buffer of its own), or '' for the working directory.
function M.last_file()
  local best, used = '', -1
  for _, info in ipairs(vim.fn.getbufinfo({ buflisted = 1 })) do
    if info.name ~= '' and vim.bo[info.bufnr].buftype == '' and (info.lastused or 0) > used then
      best, used = info.name, info.lastused or 0
    end
  end
  return best
end

function M.check()
  local health = compat.health()
  health.start('Neovim')
  if vim.fn.has('nvim-0.7') == 1 then
    local v = vim.version()
    health.ok(string.format('Neovim %d.%d.%d', v.major, v.minor, v.patch))
  else
    health.error('Spark needs Neovim 0.7 or newer')
  end
  if not require('spark').did_setup then
    health.warn('require("spark").setup({}) has not run', { 'call it in your init.lua (README, "Setup")' })
  end

  health.start('spark-lsp')
  local cmd = config.options.cmd or {}
  local binary = cmd[1] and vim.fn.exepath(cmd[1]) or ''
  if binary == '' then
    health.error(string.format('cmd[1] = %q is not an executable on your PATH', tostring(cmd[1])), {
      'run `make install` in the SparkLSP repository (it installs to ~/.local/bin) and put ~/.local/bin on PATH',
      "or give the full path: require('spark').setup({ cmd = { '/path/to/spark-lsp', '--stdio' } })",
    })
    return
  end
  health.ok('found ' .. binary)
  local code, stdout, stderr = M.run({ binary, '--version' }, config.options.cmd_env, nil)
  if code ~= 0 then
    health.error(binary .. ' --version failed (exit ' .. code .. '): ' .. first_line(stderr))
    return
  end
  health.ok('version ' .. first_line(stdout))
  local clients = require('spark.client').all()
  health.info(#clients .. ' spark-lsp client(s) running')

  doctor(health, binary, require('spark.client').root_of(M.last_file()))
end

return M
