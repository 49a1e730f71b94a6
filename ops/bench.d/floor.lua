-- The floor of the HTTP mix (tests/CalaisReturns.Benchmarks/Floor/FloorServer.cs): every request
-- commits the row pgbench commits, through a minimal ASP.NET Core endpoint.
local body = '{"payload":"a returns flight event of about this size, give or take"}'
function request()
  return wrk.format("POST", "/floor", { ["Content-Type"] = "application/json" }, body)
end


-- With BENCH_REQUESTS set, the thread stops after that many answers (ops/bench, "per command"; ops/bench.d/counted.lua).
package.path = "ops/bench.d/?.lua;" .. package.path
response = require("counted")
