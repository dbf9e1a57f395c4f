-- Gives back requests a lease counted in advance and never admitted: ARGV[1] = how many; KEYS = the buckets they
-- were counted in. A bucket is lowered by at most what it holds (it may have expired and started again meanwhile);
-- its expiry stays as it was.
local n = tonumber(ARGV[1])
for _, key in ipairs(KEYS) do
  local held = tonumber(redis.call("GET", key) or "0")
  local back = math.min(held, n)
  if back > 0 then
    redis.call("DECRBY", key, back)
  end
end
return 1
