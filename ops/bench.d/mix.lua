-- The HTTP mix of ops/bench, per request: 10% plan a flight, 10% book the charter of a flight this
-- thread planned, 10% manifest a returnee, 40% record a cost, 25% read a month's schedule, 5% read
-- one flight. Seeded flights (booked, seats allocated, departures spread over a year), open cases
-- with travel documents and tokens come from the environment; each case is manifested at most once.
local function split(s)
  local out = {}
  for item in string.gmatch(s or "", "[^,]+") do out[#out + 1] = item end
  return out
end

local flights = split(os.getenv("BENCH_FLIGHTS"))
local cases = split(os.getenv("BENCH_CASES"))
local months = split(os.getenv("BENCH_MONTHS"))
local planner = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_PLANNER"), ["Content-Type"] = "application/json" }
local finance = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_FINANCE"), ["Content-Type"] = "application/json" }
local charter = '{"carrier":"Titan Airways","aircraftType":"A321","seatCapacity":180,"contractReference":"BENCH-C",'
  .. '"contractPrice":{"amount":85000.00,"currency":"GBP"}}'
local cost = '{"category":"Escorts","description":"Overtime","amount":{"amount":123.45,"currency":"GBP"},'
  .. '"invoiceReference":"BENCH-1"}'
local planned = {}
local n = 0

-- Each thread takes every BENCH_THREADS-th case from its own start (globals set per thread), so no two
-- requests manifest the same case.
local thread_count = 1
function setup(thread)
  local index = thread_count - 1
  thread_count = thread_count + 1
  thread:set("next_case", index)
  thread:set("case_step", tonumber(os.getenv("BENCH_THREADS") or "1"))
end

local function plan()
  local departure = os.date("!%Y-%m-%dT06:00:00Z", os.time() + math.random(30, 395) * 86400)
  return wrk.format("POST", "/api/flights", planner, '{"leadState":"UK","participatingStates":["UK","FR"],'
    .. '"countryOfReturn":"AL","departureAirport":"STN","destinationAirport":"TIA","scheduledDeparture":"' .. departure .. '"}')
end

function request()
  n = n + 1
  local r = n % 20
  if r < 2 then
    return plan()
  elseif r < 4 and #planned > 0 then
    return wrk.format("POST", "/api/flights/" .. table.remove(planned) .. "/charter", planner, charter)
  elseif r < 6 and next_case and next_case < #cases then
    local case = cases[next_case + 1]
    next_case = next_case + case_step
    return wrk.format("POST", "/api/flights/" .. flights[math.random(#flights)] .. "/manifest", planner,
      '{"caseId":"' .. case .. '","status":"Confirmed"}')
  elseif r < 14 then
    return wrk.format("POST", "/api/flights/" .. flights[math.random(#flights)] .. "/costs", finance, cost)
  elseif r < 19 then
    local month = months[math.random(#months)]
    return wrk.format("GET", "/api/schedule?from=" .. month .. "-01&to=" .. month .. "-28", planner)
  else
    return wrk.format("GET", "/api/flights/" .. flights[math.random(#flights)], planner)
  end
end

-- Only planning answers 201: remember the new flight for a later booking.
function response(status, headers, body)
  if status == 201 then
    local id = string.match(body, '"id":"([^"]+)"')
    if id then planned[#planned + 1] = id end
  end
end
