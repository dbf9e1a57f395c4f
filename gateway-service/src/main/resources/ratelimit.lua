-- Checks and counts every rate-limit window of one request atomically, in one round trip.
-- ARGV[1] = number of windows, ARGV[2] = "1" to count the request when all windows allow it;
-- then 4 values per window: kind ("s" sliding, "f" fixed), limit, window length in ms, ms elapsed in the current window.
-- KEYS: per sliding window the current and the previous bucket; per fixed window its one bucket.
-- A sliding window weighs the previous bucket by how much of it still overlaps the last window length,
-- so a client cannot spend a full limit at the end of one bucket and again at the start of the next.
-- Returns: allowed (1/0), index of the first denying window (0 = none), ms until it allows again,
-- then per window: limit, remaining after this request, ms until the current bucket ends.
local n = tonumber(ARGV[1])
local count = ARGV[2] == "1"
local k, a = 1, 3
local windows = {}
local denied, retry = 0, 0
for w = 1, n do
  local kind, limit, length, elapsed = ARGV[a], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
  a = a + 4
  local cur = tonumber(redis.call("GET", KEYS[k]) or "0")
  local used, prev, curKey = cur, 0, KEYS[k]
  if kind == "s" then
    prev = tonumber(redis.call("GET", KEYS[k + 1]) or "0")
    used = prev * (length - elapsed) / length + cur
    k = k + 2
  else
    k = k + 1
  end
  local untilEnd = length - elapsed
  if denied == 0 and used + 1 > limit then
    denied = w
    if kind == "f" or cur + 1 > limit then
      -- wait for this bucket to end, then (sliding) for enough of it to slide out
      local extra = 0
      if kind == "s" and cur > 0 then
        extra = math.max(0, length * (1 - (limit - 1) / cur))
      end
      retry = untilEnd + extra
    else
      retry = math.max(1, untilEnd - (limit - cur - 1) * length / prev)
    end
  end
  windows[w] = {curKey, limit, used, untilEnd, length, kind}
end
local out = {denied == 0 and 1 or 0, denied, math.ceil(retry)}
for w = 1, n do
  local win = windows[w]
  local remaining = win[2] - win[3]
  if denied == 0 and count then
    redis.call("INCR", win[1])
    redis.call("PEXPIRE", win[1], win[6] == "s" and win[5] * 2 or win[5])
    remaining = remaining - 1
  end
  out[#out + 1] = win[2]
  out[#out + 1] = math.max(0, math.floor(remaining))
  out[#out + 1] = math.ceil(win[4])
end
return out
