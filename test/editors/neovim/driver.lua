-- Test driver for test/editors/neovim.test.mjs, run by a real headless Neovim (0.7+):
-- loads the user configuration under test (the docs/editors.md snippet), opens a scope file, waits with a
-- deadline for the diagnostics Neovim shows for it and writes them, one JSON object a line, to SCOPE_OUT.
--
-- Environment: SCOPE_CONFIG (Lua file: the snippet), SCOPE_FILE, SCOPE_OUT, SCOPE_DEADLINE_MS,
-- SCOPE_SETTINGS (JSON; replaces the client's `settings`), SCOPE_CAPABILITIES (JSON; replaces the client's
-- capabilities, to play a client that lacks some).
local out = assert(os.getenv('SCOPE_OUT'), 'SCOPE_OUT is not set')
local deadline_ms = tonumber(os.getenv('SCOPE_DEADLINE_MS') or '') or 30000
local severity_names = { 'error', 'warning', 'info', 'hint' }
local records = {}

local function record(value)
  table.insert(records, vim.json.encode(value))
end

local function finish(status)
  vim.fn.writefile(records, out)
  if status == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit ' .. status)
  end
end

local function from_env_json(name)
  local text = os.getenv(name)
  if text == nil or text == '' then
    return nil
  end
  return vim.json.decode(text)
end

-- The snippet starts the client itself; the test only swaps what a scenario varies and listens to the log,
-- so what runs is the documented configuration.
local settings = from_env_json('SCOPE_SETTINGS')
local capabilities = from_env_json('SCOPE_CAPABILITIES')
local client_ids = {}
local start_client = vim.lsp.start_client
vim.lsp.start_client = function(config)
  if settings ~= nil then
    config.settings = settings
  end
  if capabilities ~= nil then
    config.capabilities = capabilities
  end
  config.handlers = vim.tbl_extend('force', config.handlers or {}, {
    ['window/logMessage'] = function(_, result)
      record({ kind = 'log', type = result.type, message = result.message })
    end,
    ['window/showMessage'] = function(_, result)
      record({ kind = 'log', type = result.type, message = result.message })
    end,
  })
  local id = start_client(config)
  table.insert(client_ids, id)
  return id
end

local function run()
  local config = assert(os.getenv('SCOPE_CONFIG'), 'SCOPE_CONFIG is not set')
  local file = assert(os.getenv('SCOPE_FILE'), 'SCOPE_FILE is not set')
  dofile(config)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()

  -- The server publishes once it has the file's settings, so the first non-empty set is the answer.
  local shown = vim.wait(deadline_ms, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)

  local clients = {}
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    table.insert(clients, client.name)
  end
  record({ kind = 'buffer', filetype = vim.bo[bufnr].filetype, clients = clients })
  if not shown then
    record({ kind = 'error', message = 'no diagnostics within ' .. deadline_ms .. ' ms' })
    return 2
  end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    record({ kind = 'diagnostic', code = d.code, line = d.lnum + 1, severity = severity_names[d.severity] })
  end

  -- A clean shutdown, so the server's last log lines (if any) are in the output.
  for _, id in ipairs(client_ids) do
    vim.lsp.stop_client(id)
  end
  vim.wait(5000, function()
    for _, id in ipairs(client_ids) do
      if not vim.lsp.client_is_stopped(id) then
        return false
      end
    end
    return true
  end, 20)
  return 0
end

local ok, status = xpcall(run, debug.traceback)
if not ok then
  record({ kind = 'error', message = tostring(status) })
  status = 3
end
finish(status)
