-- wrk script for bench/soak.sh: cycles a mix of Accord's routes, including conditional
-- requests that must get 304, and counts every answer that is neither 200 nor 304.
--
-- Arguments (after `--`): the ETag of /events, then the ETag of /events.ics, as soak.sh
-- read them with curl. Without them the revalidations are sent with a dummy tag (and get 200).
local etags = {}
local paths = {
  { "/events" },
  { "/events?participant=zelensky&status=held&sort=-date" },
  { "/search?q=security+guarantees" },
  { "/entities/volodymyr-zelensky" },
  { "/proposals?opponent=russia" },
  { "/events.ics" },
  { "/events", "events" },          -- If-None-Match: the /events ETag -> 304
  { "/events.ics", "ics" },         -- If-None-Match: the /events.ics ETag -> 304
}
local threads = {}
local counter = 0
ok, notModified, other = 0, 0, 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  etags.events = args[1] or '"none"'
  etags.ics = args[2] or '"none"'
  counter = (id or 0) * 3
end

function request()
  counter = counter + 1
  local entry = paths[(counter % #paths) + 1]
  local headers = {}
  if entry[2] then headers["If-None-Match"] = etags[entry[2]] end
  return wrk.format("GET", entry[1], headers)
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif status == 304 then
    notModified = notModified + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = { ok = 0, notModified = 0, other = 0 }
  for _, thread in ipairs(threads) do
    totals.ok = totals.ok + thread:get("ok")
    totals.notModified = totals.notModified + thread:get("notModified")
    totals.other = totals.other + thread:get("other")
  end
  io.write(string.format("soak-statuses: 200=%d 304=%d other=%d\n", totals.ok, totals.notModified, totals.other))
end
