-- wrk: POST a report of concern about a different synthetic child each request. Person numbers are
-- replacement numbers (day + 60), which CPR never issues; each wrk thread takes its own serials.
local counter = 0
local threads = {}

-- thread_index is set in each thread's own state by setup().
function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
  received_at = args[2]
end

function request()
  counter = counter + 1
  local n = thread_index * 1000000 + counter
  local day, month, year, serial = 61 + n % 28, 1 + math.floor(n / 28) % 12, 10 + math.floor(n / 336) % 14, math.floor(n / 4704) % 1000
  local number = string.format("%02d%02d%02d4%03d", day, month, year, serial)
  local body = '{"child":{"personNumber":"' .. number .. '","name":"Bænk Barn","schoolOrDaycare":"Bænkskolen"},'
    .. '"notifier":{"kind":"professional","name":"Bænk Lærer","organisation":"Bænkskolen"},'
    .. '"receivedAt":"' .. received_at .. '","description":"Syntetisk underretning til belastningstest."}'
  return wrk.format("POST", "/api/v1/reports-of-concern",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
