-- ./suite bench gateway, write rounds: POST /api/v1/candidates with a new candidate every request
-- (a name and email of its own: thread number, request number and BENCH_RUN, the round's label)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
local sent = 0
local run = os.getenv("BENCH_RUN") or "run"
function request()
  sent = sent + 1
  local who = string.format("%s-%d-%d", run, thread_number or 0, sent)
  return wrk.format(nil, nil, nil, string.format(
    '{"name":"Bench Candidate %s","email":"bench-%s@example.com","tags":["bench"]}', who, who))
end
