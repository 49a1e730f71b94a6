-- A wrk response handler that counts the answers and, at BENCH_REQUESTS of them, writes the file BENCH_DONE names and
-- stops its thread (ops/bench, "per command"): wrk runs for its whole duration, so ops/bench waits for that file and
-- interrupts wrk, which then reports as usual. Without BENCH_REQUESTS it counts nothing.
local limit = tonumber(os.getenv("BENCH_REQUESTS") or "0")
local answered = 0
return function(status, headers, body)
  answered = answered + 1
  if limit > 0 and answered == limit then
    local done = io.open(os.getenv("BENCH_DONE"), "w")
    done:write("done")
    done:close()
    wrk.thread:stop()
  end
end
