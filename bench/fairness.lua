-- wrk script for bench/fairness.sh: every request misses Accord's response cache and is
-- expensive to render (a 100-entity page, pretty-printed), because each one carries a
-- distinct query (a permutation of the entity types) and a distinct Accept value.
local types = { "person", "country", "organisation", "place", "agreement" }
local counter = 0

local function permutation(n)   -- the n-th ordering of the five types (n < 120)
  local pool = {}
  for i, k in ipairs(types) do pool[i] = k end
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
  local headers = { ["Accept"] = "application/json, text/x-variant-" .. counter .. ";q=0.1" }
  local path = "/entities?limit=100&pretty&type=" .. permutation(counter % 120) .. "&offset=" .. (counter % 5)
  return wrk.format(nil, path, headers)
end
