// The limiter's server side, as atomic Redis scripts over two keys:
// `<key>:slots`, a sorted set of starts scored by when they stop counting
// (in flight: start + in-flight TTL; finished: arrival + window), and
// `<key>:state`, a hash of what the server taught and the shared budget.
// Mirrors @x/core's ServerBudget (see its comments for the why of each rule).
// Times are epoch ms on the callers' clocks, passed in as integers.

/** KEYS: slots, state. ARGV: now, id, assumed limit, assumed window, in-flight TTL, expect headers (1/0). Returns {1, seq} or {0, wait ms} (0: ask again shortly), with the pause end when paused. */
export const TAKE = `
local now = tonumber(ARGV[1])
local s = redis.call('HMGET', KEYS[2], 'limit', 'window', 'paused', 'budget', 'budgetUntil', 'observed', 'probeUntil')
local limit = tonumber(s[1]) or tonumber(ARGV[3])
local window = tonumber(s[2]) or tonumber(ARGV[4])
local paused = tonumber(s[3]) or 0
if paused > now then return {0, paused - now, paused} end
local budget = tonumber(s[4])
local budgetUntil = tonumber(s[5]) or 0
if budget ~= nil and now >= budgetUntil then
  budget = nil
  redis.call('HDEL', KEYS[2], 'budget')
end
-- Spent by the shared count: wait for the answers of the calls in flight
-- (each recounts); the server's own 0 set a pause above.
if budget ~= nil and budget <= 0 then return {0, 0} end
local ttl = tonumber(ARGV[5])
if ARGV[6] == '1' and not s[6] then
  if (tonumber(s[7]) or 0) > now then return {0, 0} end
  redis.call('HSET', KEYS[2], 'probeUntil', now + ttl)
end
if limit ~= nil and window ~= nil then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
  if redis.call('ZCARD', KEYS[1]) >= limit then
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    local free = tonumber(oldest[2])
    if free > now + window then return {0, 0} end
    return {0, free - now}
  end
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[2])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[2], 'assumedWindow', ARGV[4]) end
if budget ~= nil then redis.call('HINCRBY', KEYS[2], 'budget', -1) end
local seq = redis.call('HINCRBY', KEYS[2], 'seq', 1)
local keep = ttl + 2 * (window or 0)
redis.call('PEXPIRE', KEYS[1], keep)
redis.call('PEXPIRE', KEYS[2], math.max(keep, 86400000))
return {1, seq}
`;

/** KEYS: slots, state. ARGV: id, received at. */
export const FINISH = `
local w = redis.call('HMGET', KEYS[2], 'window', 'assumedWindow')
local window = tonumber(w[1]) or tonumber(w[2])
if window ~= nil then
  redis.call('ZADD', KEYS[1], 'XX', tonumber(ARGV[2]) + window, ARGV[1])
else
  redis.call('ZREM', KEYS[1], ARGV[1])
end
redis.call('HDEL', KEYS[2], 'probeUntil')
return 1
`;

/** KEYS: slots, state. ARGV: id. A start granted but never sent: it stops counting at once. */
export const GIVE_BACK = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], 'probeUntil')
return 1
`;

/**
 * KEYS: slots, state. ARGV: now, seq, limit, remaining, reset at, window,
 * rejected (1/0), retry at, received at ('' when unknown). Returns the shared
 * pause end, or false.
 */
export const OBSERVE = `
local now = tonumber(ARGV[1])
local seq = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local remaining = tonumber(ARGV[4])
local resetAt = tonumber(ARGV[5])
local windowMs = tonumber(ARGV[6])
local rejected = ARGV[7] == '1'
local retryAt = tonumber(ARGV[8])
local receivedAt = tonumber(ARGV[9])
redis.call('HSET', KEYS[2], 'observed', '1')
redis.call('HDEL', KEYS[2], 'probeUntil')
local s = redis.call('HMGET', KEYS[2], 'window', 'observedSeq', 'budgetUntil', 'lastRemaining', 'seq', 'paused', 'limit', 'assumedWindow')
if limit ~= nil and limit >= 1 then
  local w = windowMs
  if w == nil or w <= 0 then
    local resetIn = 0
    if resetAt ~= nil and not rejected then resetIn = resetAt - receivedAt end
    local known = 0
    if s[7] then known = tonumber(s[1]) or 0 end
    w = math.max(known, resetIn)
    -- No reset to go by: the window as known, learned or assumed.
    if w <= 0 then w = tonumber(s[1]) or tonumber(s[8]) end
  end
  if w ~= nil then redis.call('HSET', KEYS[2], 'limit', limit, 'window', w) end
end
local pause = nil
local observedSeq = tonumber(s[2]) or 0
if seq >= observedSeq then
  redis.call('HSET', KEYS[2], 'observedSeq', seq)
  if remaining ~= nil and resetAt ~= nil and resetAt > now then
    local budgetUntil = tonumber(s[3]) or 0
    local lastRemaining = tonumber(s[4])
    local whole = (resetAt - receivedAt) % 1000 == 0
    if whole and budgetUntil > now and (lastRemaining == nil or remaining <= lastRemaining)
      and math.abs(resetAt - budgetUntil) < 1000 then
      budgetUntil = math.min(budgetUntil, resetAt)
    else
      budgetUntil = resetAt
    end
    local budget = math.max(0, remaining - ((tonumber(s[5]) or 0) - seq))
    redis.call('HSET', KEYS[2], 'budget', budget, 'budgetUntil', budgetUntil, 'lastRemaining', remaining)
    if remaining <= 0 then pause = budgetUntil end
  end
end
if retryAt ~= nil and retryAt > now then pause = math.max(pause or 0, retryAt) end
local paused = tonumber(s[6]) or 0
if pause ~= nil and pause > paused then
  redis.call('HSET', KEYS[2], 'paused', pause)
  paused = pause
end
if paused > now then return paused end
return false
`;

/**
 * KEYS: procs (a sorted set of the processes sharing the key, scored by
 * when each was last seen). ARGV: now, process id, how long one counts.
 * Returns how many processes were seen within that time (this one included).
 */
export const PRESENCE = `
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
redis.call('PEXPIRE', KEYS[1], ttl * 2)
return redis.call('ZCARD', KEYS[1])
`;
