-- spark/chatEvent dispatch: events go to the run that owns their `token`, and to every subscriber.
local M = {}

-- token -> function(event, ctx)
local runs = {}
-- id -> function(event, ctx)
local subscribers = {}
local next_subscriber = 0

--- Routes events carrying `token` to `callback` until `M.release(token)`.
function M.claim(token, callback)
  runs[token] = callback
end

function M.release(token)
  runs[token] = nil
end

--- Whether a run of this Neovim owns `token`.
function M.owned(token)
  return token ~= nil and runs[token] ~= nil
end

--- Calls `callback(event, ctx)` for every spark/chatEvent; returns a function that unsubscribes.
function M.subscribe(callback)
  next_subscriber = next_subscriber + 1
  local id = next_subscriber
  subscribers[id] = callback
  return function() subscribers[id] = nil end
end

local function call(fn, event, ctx)
  local ok, err = pcall(fn, event, ctx)
  if not ok then vim.notify('spark: chat event handler failed: ' .. tostring(err), vim.log.levels.ERROR) end
end

--- The client handler of `spark/chatEvent` (a notification: nothing is returned to the server).
function M.handle(_, event, ctx)
  if type(event) ~= 'table' then return end
  local owner = event.token ~= nil and runs[event.token]
  if owner then call(owner, event, ctx) end
  for _, subscriber in pairs(subscribers) do
    call(subscriber, event, ctx)
  end
end

return M
