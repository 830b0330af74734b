-- Headless Neovim (0.7+, Debian's) as an LSP client of `sourced lsp --stdio`: opens the draft given on the
-- command line, hovers a name, waits for pushed diagnostics and writes what it saw as JSON.
--   nvim --headless --clean -u NONE -c "luafile lsp_check.lua" <draft.md>
-- Environment: SOURCED_CMD (JSON array, the server command), HOVER_NEEDLE (text whose first character is
-- hovered), WANT_CODES (comma-separated diagnostic codes to wait for), RESULT_FILE, TIMEOUT_MS.
-- vim.lsp.start_client + buf_attach_client, because vim.lsp.start needs Neovim 0.8.
local out_path = assert(os.getenv('RESULT_FILE'), 'RESULT_FILE not set')
local timeout = tonumber(os.getenv('TIMEOUT_MS') or '30000')
local v = vim.version()
local results = { nvim = v.major .. '.' .. v.minor .. '.' .. v.patch, diagnostics = {} }

local function finish()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  -- Keep the raw LSP diagnostics (with their codes) as the server pushes them.
  local pushed = {}
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local client_id = vim.lsp.start_client({
    name = 'sourced',
    cmd = vim.fn.json_decode((assert(os.getenv('SOURCED_CMD'), 'SOURCED_CMD not set'))),
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        if params and params.uri == vim.uri_from_bufnr(bufnr) then pushed = params.diagnostics end
        return default_publish(e, params, ctx, config)
      end,
    },
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  assert(vim.wait(timeout, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized
  end, 20), 'no initialize response')

  -- Diagnostics first: once they carry every wanted code the corpus is indexed.
  local want = vim.split(os.getenv('WANT_CODES') or '', ',', { trimempty = true })
  local function have_all()
    local seen = {}
    for _, d in ipairs(pushed) do seen[tostring(d.code)] = true end
    for _, code in ipairs(want) do if not seen[code] then return false end end
    return #pushed > 0
  end
  local got = vim.wait(timeout, have_all, 20)
  for _, d in ipairs(pushed) do
    table.insert(results.diagnostics, { line = d.range.start.line, code = d.code, severity = d.severity, message = d.message })
  end
  results.diagnostics_complete = got
  results.editor_diagnostics = #vim.diagnostic.get(bufnr)

  local needle = os.getenv('HOVER_NEEDLE') or ''
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local col = line:find(needle, 1, true)
    if col then
      local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = i - 1, character = col - 1 } }
      local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout)
      for _, r in pairs(resp or {}) do
        if r.result and r.result.contents then results.hover = r.result.contents.value or r.result.contents end
      end
      break
    end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then results.error = tostring(err) end
finish()
