-- The HTTP mix of ops/bench: 20% plan a flight, 40% record a cost, 30% read a month's schedule,
-- 10% read one flight. Tokens, flight ids and dates come from the environment.
local flights = {}
for id in string.gmatch(os.getenv("BENCH_FLIGHTS"), "[^,]+") do flights[#flights + 1] = id end
local planner = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_PLANNER"), ["Content-Type"] = "application/json" }
local finance = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_FINANCE"), ["Content-Type"] = "application/json" }
local departure = os.getenv("BENCH_DEPARTURE")
local month = os.getenv("BENCH_MONTH")
local plan = '{"leadState":"UK","participatingStates":["UK","FR"],"countryOfReturn":"AL",'
  .. '"departureAirport":"STN","destinationAirport":"TIA","scheduledDeparture":"' .. departure .. '"}'
local cost = '{"category":"Escorts","description":"Overtime","amount":{"amount":123.45,"currency":"GBP"},'
  .. '"invoiceReference":"BENCH-1"}'
local n = 0

function setup(thread)
  thread:set("id", math.random(1, 1000000))
end

function request()
  n = n + 1
  local r = n % 10
  if r < 2 then
    return wrk.format("POST", "/api/flights", planner, plan)
  elseif r < 6 then
    return wrk.format("POST", "/api/flights/" .. flights[math.random(#flights)] .. "/costs", finance, cost)
  elseif r < 9 then
    return wrk.format("GET", "/api/schedule?from=" .. month .. "-01&to=" .. month .. "-28", planner)
  else
    return wrk.format("GET", "/api/flights/" .. flights[math.random(#flights)], planner)
  end
end
