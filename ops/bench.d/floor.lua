-- The floor of the HTTP mix (tests/CalaisReturns.Benchmarks/Floor/FloorServer.cs): every request
-- commits the row pgbench commits, through a minimal ASP.NET Core endpoint.
local body = '{"payload":"a returns flight event of about this size, give or take"}'
function request()
  return wrk.format("POST", "/floor", { ["Content-Type"] = "application/json" }, body)
end
