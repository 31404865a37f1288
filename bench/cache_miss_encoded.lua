-- wrk script: a cache miss on every request for any URL, with the same data every time.
-- Percent-encodes a different subset of the first 14 letters of the path and query on each
-- request ("/%65ntities?l%69mit=100"), n cycling over 1..9,973 (more variants than the 4,096-entry
-- response cache holds): the cache keys on the target as sent, the server decodes every variant
-- to the same request, and the links are built from the decoded form, so every variant carries
-- the same bytes but for nothing. The base URL stays the same, so the per-base-URL record
-- fragments are reused, as they are for a real client's misses. (Until 2026-11-30 this appended
-- "&pretty=<n>", which is now a 400.) Used by bench/run.sh (extra: /entities?limit=100) and
-- bench/scale.sh (work per page: /entities/{id}/mentions?limit=20).
local cycle = 9973
local counter = 0

local function variant(path, n)
  local out = {}
  local bit = 0
  for i = 1, #path do
    local c = path:sub(i, i)
    if c:match("%a") and bit < 14 then
      if math.floor(n / 2 ^ bit) % 2 == 1 then c = string.format("%%%02X", string.byte(c)) end
      bit = bit + 1
    end
    out[#out + 1] = c
  end
  return table.concat(out)
end

request = function()
  counter = counter + 1
  return wrk.format(nil, variant(wrk.path, 1 + counter % cycle))
end
