-- One command alone on the seeded flights, to price it (ops/bench, "per command"): BENCH_COMMAND is
-- "cost" (a finance officer records a cost: the finance ledger) or "monitor" (the lead planner assigns
-- the monitor: the operational write model, folded from the flight's stream).
local function split(s)
  local out = {}
  for item in string.gmatch(s or "", "[^,]+") do out[#out + 1] = item end
  return out
end

local flights = split(os.getenv("BENCH_FLIGHTS"))
local command = os.getenv("BENCH_COMMAND")
local planner = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_PLANNER"), ["Content-Type"] = "application/json" }
local finance = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_FINANCE"), ["Content-Type"] = "application/json" }
local cost = '{"category":"Escorts","description":"Overtime","amount":{"amount":123.45,"currency":"GBP"},'
  .. '"invoiceReference":"BENCH-1"}'

function request()
  local flight = flights[math.random(#flights)]
  if command == "cost" then
    return wrk.format("POST", "/api/flights/" .. flight .. "/costs", finance, cost)
  end
  return wrk.format("POST", "/api/flights/" .. flight .. "/monitor", planner, '{"organisation":"IMB"}')
end
