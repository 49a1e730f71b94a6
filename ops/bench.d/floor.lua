-- The floor of the HTTP mix (tests/CalaisReturns.Benchmarks/Floor/FloorServer.cs): every request
-- commits the row pgbench commits, through a minimal ASP.NET Core endpoint.
local body = '{"payload":"a returns flight event of about this size, give or take"}'
function request()
  return wrk.format("POST", "/floor", { ["Content-Type"] = "application/json" }, body)
end

-- With BENCH_REQUESTS set, the thread stops after that many answers (ops/bench, "per command").
local limit = tonumber(os.getenv("BENCH_REQUESTS") or "0")
local answered = 0
function response(status, headers, body)
  answered = answered + 1
  if limit > 0 and answered == limit then
    -- wrk runs for its whole duration: ops/bench waits for this file and interrupts it (it then reports as usual).
    local done = io.open(os.getenv("BENCH_DONE"), "w")
    done:write("done")
    done:close()
    wrk.thread:stop()
  end
end
