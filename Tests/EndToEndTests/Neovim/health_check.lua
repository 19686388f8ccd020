-- :checkhealth spark as a user runs it, its report read from the checkhealth buffer. SPARK_TEST_SCENARIO:
-- `working` (the built spark-lsp, a reachable model server: no ERROR, the doctor's checks listed, verdict OK),
-- `unreachable` (the model endpoint refuses connections: the doctor's failure shows as ERROR with its hint),
-- `missing` (cmd[1] is not an executable: ERROR with the install advice, nothing else run), `settings` (the
-- environment's endpoint refuses, the `endpoint` setting works: the doctor checks the setting's).
-- Environment: SPARK_PLUGIN_DIR, SPARK_LSP_BIN, SPARK_TEST_FILE, SPARK_TEST_RESULT, and the model variables.
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

H.guard(function()
  vim.opt.runtimepath:prepend(os.getenv('SPARK_PLUGIN_DIR'))
  vim.cmd('runtime plugin/spark.lua')
  local scenario = os.getenv('SPARK_TEST_SCENARIO')
  local binary = scenario == 'missing' and 'spark-lsp-not-installed' or os.getenv('SPARK_LSP_BIN')
  local settings = { endpoint = os.getenv('SPARK_TEST_SETTINGS_ENDPOINT') }
  require('spark').setup({ autostart = false, cmd = { binary, '--stdio' }, settings = settings })
  vim.cmd('edit ' .. vim.fn.fnameescape(H.file))
  vim.cmd('checkhealth spark')
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, true)
  local report = table.concat(lines, '\n')
  local function has(text) return report:find(text, 1, true) ~= nil end
  local errors = {}
  for _, line in ipairs(lines) do
    if line:find('ERROR', 1, true) then table.insert(errors, line) end
  end

  if scenario == 'missing' then
    H.check(has('ERROR: cmd[1] = "spark-lsp-not-installed" is not an executable'), 'no missing-binary error:\n' .. report)
    H.check(has('make install'), 'no install advice:\n' .. report)
    H.check(not has('doctor'), 'the doctor ran without a binary:\n' .. report)
    H.finish('PASS', 'missing binary reported')
  end
  H.check(has('OK: found ' .. binary), 'the binary is not reported found:\n' .. report)
  H.check(report:find('OK: version %S+'), 'no version:\n' .. report)
  H.check(has('## spark-lsp doctor (in ' .. vim.fn.fnamemodify(H.file, ':h') .. ')'),
    'the doctor did not run in the workspace root:\n' .. report)
  if scenario == 'working' or scenario == 'settings' then
    H.check(#errors == 0, 'errors in a working configuration:\n' .. report)
    H.check(report:find('OK: doctor verdict: %a+'), 'no verdict:\n' .. report)
    H.finish('PASS', #lines .. ' report lines, no error')
  elseif scenario == 'unreachable' then
    H.check(has('ERROR: doctor verdict: failure (exit 1)'), 'no failing verdict:\n' .. report)
    local address = os.getenv('VLLM_ENDPOINT'):match('//([^/]+)')
    local named = false
    for _, line in ipairs(errors) do
      if line:find(address, 1, true) then named = true end
    end
    H.check(named, 'no error names the unreachable endpoint:\n' .. report)
    H.finish('PASS', #errors .. ' errors reported')
  end
  H.fail('unknown scenario ' .. tostring(scenario))
end)
