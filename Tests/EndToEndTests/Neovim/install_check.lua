-- After `make install` into a temporary prefix, Neovim started as a new user starts it: no -u, an init.lua with
-- the README's one line, XDG_DATA_HOME at the prefix's share (what ~/.local/share is for PREFIX=~/.local) and
-- the prefix's bin on PATH. The plugin loaded itself, :help spark opens the shipped help, the binary on PATH
-- is the installed one and :checkhealth spark finds it. Environment: SPARK_TEST_PREFIX, SPARK_TEST_RESULT.
local dir = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(dir .. 'harness.lua')

H.guard(function()
  local prefix = os.getenv('SPARK_TEST_PREFIX')
  local spark = require('spark')
  H.check(spark.did_setup, 'the init.lua did not set Spark up')
  H.check(vim.fn.exists(':SparkChat') == 2, 'the plugin commands are not defined')
  local installed = prefix .. '/bin/spark-lsp'
  H.check(vim.fn.exepath('spark-lsp') == installed, 'spark-lsp on PATH is ' .. vim.fn.exepath('spark-lsp'))
  local ok, err = pcall(vim.cmd, 'help spark')
  H.check(ok, ':help spark failed: ' .. tostring(err))
  H.check(vim.fn.expand('%:t') == 'spark.txt', ':help spark opened ' .. vim.fn.expand('%:p'))
  H.check(vim.startswith(vim.fn.expand('%:p'), prefix .. '/share/nvim/site/pack/spark/start/spark/doc/'),
    ':help spark opened ' .. vim.fn.expand('%:p'))
  ok, err = pcall(vim.cmd, 'help :SparkCitations')
  H.check(ok, ':help :SparkCitations failed: ' .. tostring(err))
  vim.cmd('checkhealth spark')
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, true), '\n')
  H.check(report:find('OK: found ' .. installed, 1, true), ':checkhealth spark did not find it:\n' .. report)
  H.check(report:find('OK: version %S+'), ':checkhealth spark shows no version:\n' .. report)
  H.finish('PASS', 'installed plugin and binary work from a fresh Neovim')
end)
