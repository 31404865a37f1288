-- wrk script: a cache miss on every request for any URL that already has a query string.
-- Appends "&pretty=<n>" with n cycling over 2..9,974 (9,973 variants > the 4,096-entry response
-- cache): `pretty` other than "", "true" or "1" leaves the JSON compact (openapi.json), so every
-- variant has the same data and only its self link echoes the query. Used by bench/run.sh (extra:
-- /entities?limit=100) and bench/scale.sh (work per page: /entities/{id}/mentions?limit=20).
local cycle = 9973
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "&pretty=" .. (2 + counter % cycle))
end
