-- wrk script (used by bench/run.sh for the informational "accord-miss" load):
-- every request carries a distinct query string with the SAME result set, so Accord's
-- per-request response cache (4,096 entries, cleared when full) misses on every request
-- and each response is filtered, sorted, rendered and hashed (ETag) from scratch.
--
-- The path is the URL's path and query plus "&kind=<a permutation of all 11 event kinds>":
-- a filter that lets every event through, written in a different order each time.
-- 7,919 distinct permutations are cycled (more than the cache holds), one counter per wrk thread.
local kinds = { "summit", "bilateral-meeting", "multilateral-meeting", "talks", "phone-call", "visit",
                "un-session", "deadline", "attack", "press-conference", "other" }
local cycle = 7919
local counter = 0

local function permutation(n)   -- the n-th permutation (Lehmer code), n < 11!
  local pool = {}
  for i, k in ipairs(kinds) do pool[i] = k end
  local out = {}
  for size = #pool, 1, -1 do
    local j = (n % size) + 1
    n = math.floor(n / size)
    out[#out + 1] = table.remove(pool, j)
  end
  return table.concat(out, ",")
end

request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "&kind=" .. permutation(counter % cycle))
end
