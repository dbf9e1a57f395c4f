-- Checks and counts every rate-limit window of one request atomically, in one round trip.
-- ARGV[1] = number of windows, ARGV[2] = how many requests to count when every window allows one (a lease: the
-- gateway admits the rest without asking), ARGV[3] = the largest share of the room left in the tightest window a
-- lease may take (at least one request is always counted); then 5 values per window: kind ("s" sliding, "f" fixed), limit, window length in ms, ms elapsed in the current
-- window, and how to treat a missing bucket: "-" it starts at 0; "?" answer {-1, w} so the caller fetches the
-- authoritative count (the monthly quota, which Redis may have lost); "N": it starts at N and lives until the window
-- ends; "N@ms": it starts at N and lives ms only (a provisional count, restored again when it expires).
-- KEYS: per sliding window the current and the previous bucket; per fixed window its one bucket.
-- A sliding window weighs the previous bucket by how much of it still overlaps the last window length,
-- so a client cannot spend a full limit at the end of one bucket and again at the start of the next.
-- Returns (unless asking for a count): allowed (1/0), index of the first denying window (0 = none), ms until it allows again,
-- then per window: limit, remaining after the requests counted, ms until the current bucket ends; last, how many
-- requests were counted (0 when refused).
local n = tonumber(ARGV[1])
local want = tonumber(ARGV[2])
local share = tonumber(ARGV[3])
local k, a = 1, 4
local windows = {}
local denied, retry = 0, 0
for w = 1, n do
  local kind, limit, length, elapsed, seed = ARGV[a], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3]), ARGV[a + 4]
  a = a + 5
  local stored = redis.call("GET", KEYS[k])
  if not stored and seed ~= "-" then
    if seed == "?" then
      return {-1, w}
    end
    local at = string.find(seed, "@", 1, true)
    if at then
      stored = string.sub(seed, 1, at - 1)
      redis.call("SET", KEYS[k], stored, "PX", tonumber(string.sub(seed, at + 1)))
    else
      stored = seed
      redis.call("SET", KEYS[k], stored, "PX", length - elapsed)
    end
  end
  local cur = tonumber(stored or "0")
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
local granted = 0
if denied == 0 and want > 0 then
  -- every window has room for one (used + 1 <= limit); a lease takes no more than the share of the smallest room
  local room = math.huge
  for w = 1, n do
    room = math.min(room, math.floor(windows[w][2] - windows[w][3]))
  end
  granted = math.max(1, math.min(want, math.floor(room * share)))
end
local out = {denied == 0 and 1 or 0, denied, math.ceil(retry)}
for w = 1, n do
  local win = windows[w]
  local remaining = win[2] - win[3]
  if granted > 0 then
    local counted = redis.call("INCRBY", win[1], granted)
    if win[6] == "s" then
      redis.call("PEXPIRE", win[1], win[5] * 2)
    elseif counted == granted then
      -- a fixed bucket keeps the expiry it was created with (a provisional count must expire early)
      redis.call("PEXPIRE", win[1], math.ceil(win[4]))
    end
    remaining = remaining - granted
  end
  out[#out + 1] = win[2]
  out[#out + 1] = math.max(0, math.floor(remaining))
  out[#out + 1] = math.ceil(win[4])
end
out[#out + 1] = granted
return out
