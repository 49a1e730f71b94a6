-- One request type alone, BENCH_REQUESTS times on one connection, to price it (ops/bench, "per command"):
-- BENCH_COMMAND is one of plan (a planner plans a flight), book (books the charter of one of BENCH_PLANNED),
-- manifest (manifests one of BENCH_CASES on a seeded flight), cost (finance records a cost on a seeded flight:
-- the finance ledger), monitor (the lead planner assigns the monitor: the flight's stream folded), schedule
-- (reads a month's schedule) or flight (reads one flight). The thread stops after BENCH_REQUESTS answers.
local function split(s)
  local out = {}
  for item in string.gmatch(s or "", "[^,]+") do out[#out + 1] = item end
  return out
end

local flights = split(os.getenv("BENCH_FLIGHTS"))
local planned = split(os.getenv("BENCH_PLANNED"))
local cases = split(os.getenv("BENCH_CASES"))
local months = split(os.getenv("BENCH_MONTHS"))
local command = os.getenv("BENCH_COMMAND")
local planner = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_PLANNER"), ["Content-Type"] = "application/json" }
local finance = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_FINANCE"), ["Content-Type"] = "application/json" }
local cost = '{"category":"Escorts","description":"Overtime","amount":{"amount":123.45,"currency":"GBP"},'
  .. '"invoiceReference":"BENCH-1"}'
local charter = '{"carrier":"Titan Airways","aircraftType":"A321","seatCapacity":180,"contractReference":"BENCH-C",'
  .. '"contractPrice":{"amount":85000.00,"currency":"GBP"}}'
local sent = 0

function request()
  sent = sent + 1
  local flight = flights[math.random(#flights)]
  if command == "plan" then
    local departure = os.date("!%Y-%m-%dT06:00:00Z", os.time() + math.random(30, 395) * 86400)
    return wrk.format("POST", "/api/flights", planner, '{"leadState":"UK","participatingStates":["UK","FR"],'
      .. '"countryOfReturn":"AL","departureAirport":"STN","destinationAirport":"TIA","scheduledDeparture":"' .. departure .. '"}')
  elseif command == "book" then
    return wrk.format("POST", "/api/flights/" .. planned[(sent - 1) % #planned + 1] .. "/charter", planner, charter)
  elseif command == "manifest" then
    return wrk.format("POST", "/api/flights/" .. flight .. "/manifest", planner,
      '{"caseId":"' .. cases[(sent - 1) % #cases + 1] .. '","status":"Confirmed"}')
  elseif command == "cost" then
    return wrk.format("POST", "/api/flights/" .. flight .. "/costs", finance, cost)
  elseif command == "monitor" then
    return wrk.format("POST", "/api/flights/" .. flight .. "/monitor", planner, '{"organisation":"IMB"}')
  elseif command == "schedule" then
    local month = months[math.random(#months)]
    return wrk.format("GET", "/api/schedule?from=" .. month .. "-01&to=" .. month .. "-28", planner)
  end
  return wrk.format("GET", "/api/flights/" .. flight, planner)
end

package.path = "ops/bench.d/?.lua;" .. package.path
response = require("counted")
