-- ./suite bench gateway, search rounds: POST /api/v1/search, hybrid, limit 10, a few recruiter queries in turn
-- (their query vectors are cached after the warm-up, so the rounds measure the search path, not the model)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local queries = {
  "registered nurse with acute ward experience",
  "java backend developer spring kafka",
  "data scientist python machine learning",
  "sales manager b2b saas pipeline",
  "react frontend engineer typescript",
  "financial analyst excel forecasting",
}
local sent = 0
function request()
  sent = sent + 1
  return wrk.format(nil, nil, nil, string.format('{"query":"%s","limit":10}', queries[(sent % #queries) + 1]))
end
