-- One client's extraction counters, shared by every gateway instance, in one round trip.
-- KEYS[1] the client's key prefix (a hash tag keeps all of its keys in one cluster slot)
-- ARGV[1] the current bucket number, ARGV[2] buckets per window, ARGV[3] key TTL in ms,
-- ARGV[4] the normalised prompt's hash ('' when the request carried no prompt)
-- Returns {requests, prompted requests, distinct prompts} over the window.
local prefix = KEYS[1]
local bucket = tonumber(ARGV[1])
local buckets = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local element = ARGV[4]
local counts = prefix .. ':c:' .. ARGV[1]
redis.call('HINCRBY', counts, 'n', 1)
if element ~= '' then
  redis.call('HINCRBY', counts, 'p', 1)
  local distinct = prefix .. ':d:' .. ARGV[1]
  redis.call('PFADD', distinct, element)
  redis.call('PEXPIRE', distinct, ttl)
end
redis.call('PEXPIRE', counts, ttl)
local n, p = 0, 0
local hlls = {}
for b = bucket - buckets + 1, bucket do
  local key = string.format('%s:c:%d', prefix, b)
  local v = redis.call('HMGET', key, 'n', 'p')
  n = n + (tonumber(v[1]) or 0)
  p = p + (tonumber(v[2]) or 0)
  hlls[#hlls + 1] = string.format('%s:d:%d', prefix, b)
end
return {n, p, redis.call('PFCOUNT', unpack(hlls))}
