"""The requests and assertions of scripts/e2e/proxies.sh, one front at a time.

    python3 proxies_probe.py MODE --front NAME --url BASE [options]

BASE is the public address through the front (http://127.0.0.1:PORT/accord for a proxy that
mounts Accord under /accord, http://127.0.0.1:PORT for Varnish or Accord itself). Modes:

  headers   the front proxies to an echo upstream (proxies_echo.py): each spoofing attempt
            must reach the upstream with exactly one X-Forwarded-For (the peer the proxy saw),
            the proxy's own X-Forwarded-Host/-Proto/-Prefix, no Forwarded, and nothing the
            attacker wrote anywhere.
  links     the front proxies to Accord: after each spoofing attempt, an innocent client's
            plain request (body links and Link header) names only BASE, also when a cache
            answers it; with --shipped the attacker's own response too, and the access log's
            "client" of the attacker's request is the attacker's address as the proxy saw it.
            The attacker is 127.0.0.3 and the innocent client 127.0.0.2 (the proxy is 127.0.0.1).
  direct    Accord itself as seen from a trusted proxy (the peer is in trustedProxies): one
            family of headers per request, Vary on links built from them, and no response
            built from one client's headers served to another.
  public    Accord with publicUrl: every link is PUBLIC whatever the headers; equal ETags.
  gzip      compression through nginx: one Content-Encoding, never twice; 304 on the ETag.

Every problem is printed as "FAIL front: ..." and the exit status is 1 if there was any.
"""
import argparse
import gzip as gzip_module
import json
import re
import sys
import time
import urllib.parse
import http.client

EVIL = ("evil.example", "/phish", "fwd.example")
SPOOF_ALL = [
    ("Forwarded", "for=203.0.113.9;host=evil.example;proto=https"),
    ("X-Forwarded-Host", "evil.example"),
    ("X-Forwarded-Prefix", "/phish"),
    ("X-Forwarded-Proto", "https"),
    ("X-Forwarded-For", "203.0.113.9"),
]
# (name, path, headers, Host override). Each attempt has its own path, so that a cache holds
# exactly what that attempt left behind when the innocent client asks.
ATTACKS = [
    ("everything", "/events?limit=3", SPOOF_ALL, None),
    ("Forwarded alone", "/events?limit=4",
     [("Forwarded", "for=203.0.113.9;host=evil.example;proto=https")], None),
    ("X-Forwarded-Host and -Prefix", "/events?limit=5",
     [("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Prefix", "/phish")], None),
    ("Host", "/events?limit=6", [], "evil.example"),
    ("repeated and lower-case fields", "/events?limit=7", [
        ("x-forwarded-host", "evil.example"), ("X-FORWARDED-HOST", "evil.example"),
        ("forwarded", "for=203.0.113.9"), ("Forwarded", "host=evil.example;proto=https"),
        ("x-forwarded-prefix", "/phish"), ("x-forwarded-for", "203.0.113.9"),
        ("X-Forwarded-For", "203.0.113.10")], None),
    ("everything, on the root document", "/", SPOOF_ALL, None),
    ("everything, on the OpenAPI document", "/openapi.json", SPOOF_ALL, None),
]
# Without publicUrl the OpenAPI servers entry is relative ("/"): no absolute link to check.
NO_LINKS = {"/openapi.json"}
VARY_NEEDED = ("host", "forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-prefix")
# Through the fronts the attacker and the innocent client are different loopback addresses, so
# that the proxy's X-Forwarded-For differs between them (a cache keyed on it would never hit)
# and the access log shows the attacker's own address, not the proxy's 127.0.0.1.
ATTACKER = "127.0.0.3"
INNOCENT = "127.0.0.2"

failures = []


def fail(front, message):
    failures.append(message)
    print(f"FAIL {front}: {message}", flush=True)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # [(name, value)], repeated fields kept
        self.raw = body

    def all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def get(self, name):
        values = self.all(name)
        return ", ".join(values) if values else None

    @property
    def body(self):
        if (self.get("content-encoding") or "").strip().lower() == "gzip":
            return gzip_module.decompress(self.raw)
        return self.raw

    def text(self):
        head = "\n".join(f"{k}: {v}" for k, v in self.headers)
        try:
            body = self.body.decode("utf-8", "replace")
        except Exception:  # noqa: BLE001 - undecodable body: look at the bytes
            body = self.raw.decode("latin-1")
        return head + "\n\n" + body

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None


def request(base, path, headers=(), host=None, method="GET", source=None):
    """A request with exactly these header fields (no Accept-Encoding unless given), from the
    loopback address source (127.0.0.1 by default)."""
    url = urllib.parse.urlsplit(base)
    target = url.path.rstrip("/") + path
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10,
                                      source_address=(source, 0) if source else None)
    try:
        conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host or url.netloc)
        for name, value in headers:
            conn.putheader(name, value)
        conn.endheaders()
        resp = conn.getresponse()
        body = resp.read()
        return Response(resp.status, resp.getheaders(), body)
    finally:
        conn.close()


def links_of(resp):
    """Every absolute URL the response offers as a link: Link header, "links" objects at any
    depth of the body, OpenAPI servers."""
    urls = []
    for value in resp.all("link"):
        urls += re.findall(r"<([^>]*)>", value)

    def walk(node, in_links=False, top=False):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "links":
                    walk(value, True)
                elif top and key == "components":
                    continue  # OpenAPI schemas describe "links"; they hold no URLs
                elif top and key == "servers" and isinstance(value, list):
                    # A relative server ("/") names no host; an absolute one must be ours.
                    urls.extend(s["url"] for s in value if isinstance(s, dict)
                                and isinstance(s.get("url"), str) and s["url"] != "/")
                else:
                    walk(value, in_links)
        elif isinstance(node, list):
            for value in node:
                walk(value, in_links)
        elif in_links and isinstance(node, str):
            urls.append(node)
    doc = resp.json()
    if doc is not None:
        walk(doc, top=True)
    return urls


def under(url, base):
    return url == base or url.startswith(base + "/") or url.startswith(base + "?")


def check_clean(front, what, resp, base, need_links=True):
    """No attacker value anywhere; every link under base. Returns the number of links seen."""
    text = resp.text()
    for evil in EVIL:
        if evil in text:
            line = next((ln for ln in text.splitlines() if evil in ln), "")[:300]
            fail(front, f"{what}: the response contains {evil!r}: {line}")
    urls = links_of(resp)
    bad = [u for u in urls if not under(u, base)]
    if bad:
        fail(front, f"{what}: {len(bad)} of {len(urls)} links are not under {base}, e.g. {bad[0]}")
    if need_links and not urls:
        fail(front, f"{what}: status {resp.status}, no links to check")
    return len(urls)


def access_log_client(path, request_id, wait=5.0):
    deadline = time.time() + wait
    while time.time() < deadline:
        try:
            with open(path, encoding="utf-8", errors="replace") as log:
                for line in log:
                    if request_id in line:
                        try:
                            entry = json.loads(line)
                        except ValueError:
                            continue
                        if entry.get("requestId") == request_id:
                            return entry.get("client")
        except FileNotFoundError:
            pass
        time.sleep(0.1)
    return None


def varnish_hit(resp):
    return len((resp.get("x-varnish") or "").split()) == 2


def mode_headers(a):
    """The shipped config sends the upstream only its own forwarding values."""
    for name, path, headers, host in ATTACKS[:5]:
        resp = request(a.url, path, headers, host, source=ATTACKER)
        what = f"attempt '{name}'"
        doc = resp.json()
        if host is not None and (doc is None or "headers" not in doc):
            # The front refused a foreign Host itself (421), or has no site for it (Caddy).
            if resp.status not in (421, 200, 404) or any(e in resp.text() for e in EVIL):
                fail(a.front, f"{what}: unexpected answer {resp.status}")
            continue
        if resp.status != 200 or doc is None or "headers" not in doc:
            fail(a.front, f"{what}: status {resp.status}, not the echo upstream's answer")
            continue
        got = doc["headers"]

        def values(field):
            return [v for k, v in got if k.lower() == field.lower()]
        expect = {
            "x-forwarded-for": [ATTACKER],
            "x-forwarded-proto": ["http"],
            "x-forwarded-host": [a.expect_host],
            "x-forwarded-prefix": [a.expect_prefix] if a.expect_prefix else [],
            "forwarded": [],
        }
        for field, wanted in expect.items():
            if values(field) != wanted:
                fail(a.front, f"{what}: upstream got {field} = {values(field)}, expected {wanted}")
        for k, v in got:
            if any(e in v for e in EVIL) or "203.0.113." in v:
                fail(a.front, f"{what}: the attacker's value reached the upstream: {k}: {v}")
        if doc["path"] != path:
            fail(a.front, f"{what}: upstream path {doc['path']}, expected {path}")


def mode_links(a):
    checked = 0
    for name, path, headers, host in ATTACKS:
        what = f"attempt '{name}'"
        attacker = request(a.url, path, headers, host, source=ATTACKER)
        if a.shipped:
            # The attacker's own answer names no foreign host either: the proxy refused the
            # Host (421) or replaced every header.
            if attacker.status in (200, 404, 421):
                check_clean(a.front, f"{what}, the attacker's own response", attacker, a.url,
                            need_links=attacker.status == 200 and host is None and path not in NO_LINKS)
            else:
                fail(a.front, f"{what}: the attacker got status {attacker.status}")
            rid = attacker.get("x-request-id")
            if attacker.status == 200 and rid and a.log:
                client = access_log_client(a.log, rid)
                if client is None:
                    fail(a.front, f"{what}: request {rid} not found in the access log")
                elif client != ATTACKER:
                    fail(a.front, f"{what}: the access log's client is {client}, not {ATTACKER} "
                                  "(the attacker's address as the proxy saw it)")
        elif a.control and host is None and name == "X-Forwarded-Host and -Prefix":
            # Negative control: without a sanitising front the spoof does reach Accord (which
            # trusts the peer), so the innocent check below really tests the cache's keys.
            if "evil.example" not in attacker.text():
                print(f"note {a.front}: '{name}' did not reach Accord's links (nothing to poison with)")
        innocent = request(a.url, path, source=INNOCENT)
        checked += check_clean(a.front, f"after {what}, an innocent client's response", innocent, a.url,
                               need_links=path not in NO_LINKS)
        if innocent.status != 200:
            fail(a.front, f"after {what}: the innocent client got {innocent.status}")
        if a.cache and a.shipped and attacker.status == 200 and not varnish_hit(innocent):
            fail(a.front, f"after {what}: the innocent request was not a cache hit "
                          f"(X-Varnish: {innocent.get('x-varnish')}, Age: {innocent.get('age')}, "
                          f"Vary: {innocent.get('vary')}), so the cached copy was not tested")
        if a.cache and varnish_hit(innocent):
            again = request(a.url, path, source=INNOCENT)
            checked += check_clean(a.front, f"after {what}, a second innocent response (hit)", again, a.url,
                                   need_links=path not in NO_LINKS)
    print(f"{a.front}: {len(ATTACKS)} attempts, {checked} links checked in innocent responses", flush=True)


def mode_direct(a):
    """Accord as a trusted proxy's upstream (no proxy: this client's peer is trusted)."""
    host = urllib.parse.urlsplit(a.url).netloc
    cases = [
        # X-Forwarded-For present: only X-Forwarded-* is read, Forwarded is ignored.
        ("X-Forwarded-For with Forwarded", "/events?limit=8",
         [("X-Forwarded-For", "198.51.100.1"), ("Forwarded", "for=203.0.113.9;host=fwd.example;proto=https")],
         f"http://{host}", "198.51.100.1"),
        ("X-Forwarded-*", "/events?limit=9",
         [("X-Forwarded-For", "198.51.100.2"), ("X-Forwarded-Host", "xfh.example"),
          ("X-Forwarded-Proto", "https"), ("X-Forwarded-Prefix", "/pre")],
         "https://xfh.example/pre", "198.51.100.2"),
        # No X-Forwarded-For: Forwarded (RFC 7239) is read.
        ("Forwarded alone", "/events?limit=10",
         [("Forwarded", "for=203.0.113.7;host=rfc.example;proto=https")], "https://rfc.example", "203.0.113.7"),
    ]
    for name, path, headers, base, client in cases:
        what = f"'{name}'"
        resp = request(a.url, path, headers)
        urls = links_of(resp)
        bad = [u for u in urls if not under(u, base)]
        if resp.status != 200 or not urls or bad:
            fail(a.front, f"{what}: links should be under {base}; got status {resp.status}, "
                          f"{len(urls)} links, e.g. {(bad or urls or ['none'])[0]}")
        vary = {v.strip().lower() for v in (resp.get("vary") or "").split(",")}
        missing = [h for h in VARY_NEEDED if h not in vary]
        if missing:
            fail(a.front, f"{what}: Vary is {resp.get('vary')!r}; links built from request headers need "
                          f"{', '.join(missing)} in it")
        if "x-forwarded-for" in vary:
            fail(a.front, f"{what}: Vary is {resp.get('vary')!r}: X-Forwarded-For is per client (no link "
                          "depends on it), so a shared cache would keep one copy per client address")
        rid = resp.get("x-request-id")
        got = access_log_client(a.log, rid) if rid and a.log else None
        if got != client:
            fail(a.front, f"{what}: the access log's client is {got}, expected {client}")
    # A shared cache's view: after each spoof (the peer trusted), a plain request is clean.
    for name, path, headers, hostname in ATTACKS:
        request(a.url, path, headers, hostname)
        innocent = request(a.url, path)
        check_clean(a.front, f"after '{name}' from the trusted peer, a plain response", innocent, a.url,
                    need_links=path not in NO_LINKS)


def mode_public(a):
    checked = 0
    for name, path, headers, host in ATTACKS:
        what = f"attempt '{name}'"
        spoofed = request(a.url, path, headers, host)
        plain = request(a.url, path)
        for label, resp in (("spoofed", spoofed), ("plain", plain)):
            if resp.status != 200:
                fail(a.front, f"{what}: the {label} request got {resp.status}")
                continue
            check_clean(a.front, f"{what}, the {label} response", resp, a.public)
        if spoofed.get("etag") != plain.get("etag"):
            fail(a.front, f"{what}: the ETag depends on the headers ({spoofed.get('etag')} vs {plain.get('etag')})")
        checked += len(links_of(spoofed)) + len(links_of(plain))
    doc = request(a.url, "/openapi.json").json() or {}
    servers = [s.get("url") for s in doc.get("servers", [])]
    if servers != [a.public]:
        fail(a.front, f"OpenAPI servers are {servers}, expected [{a.public!r}]")
    print(f"{a.front}: {len(ATTACKS)} attempts, {checked} links checked, all under {a.public}")


def mode_gzip(a):
    path = "/events"
    plain = request(a.url, path)
    if plain.status != 200 or plain.get("content-encoding") or plain.json() is None:
        fail(a.front, f"identity: status {plain.status}, Content-Encoding {plain.get('content-encoding')}")
    for accept in ("gzip", "gzip, br", "br;q=1, gzip;q=0.5"):
        resp = request(a.url, path, [("Accept-Encoding", accept)])
        codings = [c.strip() for v in resp.all("content-encoding") for c in v.split(",")]
        what = f"Accept-Encoding: {accept}"
        if resp.status != 200 or len(codings) != 1 or codings[0] not in ("gzip", "br"):
            fail(a.front, f"{what}: status {resp.status}, Content-Encoding {codings} (expected one coding)")
            continue
        if codings[0] == "gzip":
            try:
                json.loads(gzip_module.decompress(resp.raw))
            except Exception as error:  # noqa: BLE001
                fail(a.front, f"{what}: one gunzip does not give JSON ({error})")
        vary = {v.strip().lower() for v in (resp.get("vary") or "").split(",")}
        if "accept-encoding" not in vary:
            fail(a.front, f"{what}: no Vary: Accept-Encoding ({resp.get('vary')})")
        etag = resp.get("etag")
        if not etag:
            fail(a.front, f"{what}: no ETag")
            continue
        again = request(a.url, path, [("Accept-Encoding", accept), ("If-None-Match", etag)])
        if again.status != 304:
            fail(a.front, f"{what}: If-None-Match {etag} gave {again.status}, not 304")
        print(f"{a.front}: {what} -> {codings[0]}, {len(resp.raw)} of {len(plain.raw)} bytes, ETag {etag}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["headers", "links", "direct", "public", "gzip"])
    parser.add_argument("--front", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--log", help="Accord's access log (stdout)")
    parser.add_argument("--shipped", action="store_true", help="the front is a shipped example")
    parser.add_argument("--cache", action="store_true", help="the front is Varnish")
    parser.add_argument("--control", action="store_true", help="note whether the spoof reached Accord")
    parser.add_argument("--public", help="publicUrl")
    parser.add_argument("--expect-host")
    parser.add_argument("--expect-prefix", default="")
    a = parser.parse_args()
    try:
        globals()["mode_" + a.mode](a)
    except (OSError, http.client.HTTPException) as error:
        fail(a.front, f"{a.mode}: {type(error).__name__}: {error}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
