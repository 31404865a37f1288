#!/usr/bin/env python3
"""Writes the committed seed corpora under fuzz/corpus/ (run from anywhere; idempotent).

corpus/FuzzRequestParser/: a control byte, cut bytes, then raw request bytes (see the
harness's doc comment). Every request also appears split at a few points and byte by byte.
corpus/FuzzQuery/: one field per line: "[METHOD ]target", Accept, If-None-Match, Origin,
X-Forwarded-Host, X-Forwarded-Prefix, Forwarded.
corpus/FuzzArticle/: the first 6,000 bytes of the shipped articles and of every outside
extraction set's articles (wire copy, site boilerplate, other outlets' spellings), and a few
shapes of file a scraper leaves: CR-only and mixed line ends, Unicode line separators, a BOM,
control bytes, one long line without a full stop, an empty file.
"""
import glob
import hashlib
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

VALID = {
    "get": b"GET /events HTTP/1.1\r\nHost: a\r\n\r\n",
    "get-query-headers": b"GET /events?status=held&sort=-date HTTP/1.1\r\nHost: a\r\nAccept: */*\r\nUser-Agent: t\r\n\r\n",
    "bare-lf": b"GET / HTTP/1.1\nHost: a\n\n",
    "leading-empty-line": b"\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
    "connection-close": b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    "http10": b"GET / HTTP/1.0\r\n\r\n",
    "http10-keep-alive": b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
    "head": b"HEAD /events.ics HTTP/1.1\r\nHost: a\r\nIf-None-Match: \"abc\"\r\n\r\n",
    "content-length": b"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
    "content-length-zero": b"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
    "chunked": b"POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n",
    "chunked-case": b"POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n",
    "chunked-lf-only": b"POST /x HTTP/1.1\nHost: a\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n",
    "absolute-form": b"GET http://example.com:8080/events?x=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n",
    "asterisk-options": b"OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
    "preflight": b"OPTIONS /events HTTP/1.1\r\nHost: a\r\nOrigin: https://x.example\r\nAccess-Control-Request-Method: GET\r\n\r\n",
    "obs-text-tab": b"GET / HTTP/1.1\r\nHost: a\r\nX-Note: caf\xe9\tok \r\n\r\n",
    "expect-continue": b"PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
    "forwarded": b"GET /events HTTP/1.1\r\nHost: a\r\nForwarded: for=192.0.2.60;proto=https;host=b, for=\"[2001:db8::1]:4711\"\r\nX-Forwarded-For: 1.2.3.4, 10.0.0.1\r\nX-Forwarded-Prefix: /accord\r\n\r\n",
    "percent-target": b"GET /entities/volodymyr%2Dzelensky?q=%22security+guarantees%22&x=%C3%A9 HTTP/1.1\r\nHost: a\r\n\r\n",
    "unknown-method": b"BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n",
    "version-2": b"GET / HTTP/2.0\r\nHost: a\r\n\r\n",
}

PIPELINED = {
    "pipelined-three-gets": b"GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\nGET /c HTTP/1.1\r\nHost: a\r\n\r\n",
    "pipelined-get-post-get": b"GET /a HTTP/1.1\r\nHost: a\r\n\r\nPOST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nxyzGET /c HTTP/1.1\r\nHost: a\r\n\r\n",
    "pipelined-chunked-get": b"POST /a HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n",
    "pipelined-partial": b"GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHo",
}

SMUGGLING = {
    "cl-te": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 13\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nSMUGGLED",
    "te-cl": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n",
    "te-te-list": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n",
    "te-te-two-fields": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: x\r\n\r\n0\r\n\r\n",
    "te-xchunked": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n",
    "te-space-before-colon": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
    "te-obs-fold": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n",
    "te-http10": b"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "te-tab-value": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\tchunked\t\r\n\r\n0\r\n\r\n",
    "cl-cl": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde",
    "cl-list": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nabcde",
    "cl-plus": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nabcde",
    "cl-negative": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
    "cl-huge": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n",
    "cl-too-large": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n",
    "bare-cr-header": b"GET / HTTP/1.1\r\nHost: a\rX: y\r\n\r\n",
    "bare-cr-request-line": b"GET /\r HTTP/1.1\r\nHost: a\r\n\r\n",
    "bare-cr-version": b"GET / HTTP/1.1\rHost: a\r\n\r\n",
    "nul-in-value": b"GET / HTTP/1.1\r\nHost: a\r\nX: a\x00b\r\n\r\n",
    "space-in-name": b"GET / HTTP/1.1\r\nHost: a\r\nX Y: z\r\n\r\n",
    "missing-host": b"GET / HTTP/1.1\r\n\r\n",
    "duplicate-host": b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    "chunk-size-overflow": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nx\r\n0\r\n\r\n",
    "chunk-bad-extension": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;a\x01b\r\nx\r\n0\r\n\r\n",
    "chunk-missing-crlf": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nxy0\r\n\r\n",
    "chunk-bad-trailer": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer: x\r\n\r\n",
    "expect-other": b"GET / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\n\r\n",
    "target-space": b"GET /a b HTTP/1.1\r\nHost: a\r\n\r\n",
    "target-del": b"GET /a\x7fb HTTP/1.1\r\nHost: a\r\n\r\n",
}


def long_cases():
    cases = {}
    cases["request-line-8k"] = b"GET /" + b"a" * (8 * 1024 - 15) + b" HTTP/1.1\r\nHost: a\r\n\r\n"
    cases["request-line-too-long"] = b"GET /" + b"a" * (8 * 1024) + b" HTTP/1.1\r\nHost: a\r\n\r\n"
    cases["header-15k"] = b"GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + b"v" * (15 * 1024) + b"\r\n\r\n"
    cases["header-section-too-large"] = b"GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + b"v" * (16 * 1024) + b"\r\n\r\n"
    cases["fields-100"] = b"GET / HTTP/1.1\r\nHost: a\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(99)) + b"\r\n"
    cases["fields-101"] = b"GET / HTTP/1.1\r\nHost: a\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(100)) + b"\r\n"
    cases["chunk-extension-long"] = (b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;" + b"e" * 1100
                                     + b"\r\nx\r\n0\r\n\r\n")
    return cases


def write(directory, name, data):
    digest = hashlib.sha1(data).hexdigest()[:8]
    with open(os.path.join(directory, f"{name}-{digest}"), "wb") as out:
        out.write(data)


def parser_corpus():
    directory = os.path.join(HERE, "corpus", "FuzzRequestParser")
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    everything = {**VALID, **PIPELINED, **SMUGGLING}
    for name, raw in everything.items():
        write(directory, name, b"\x00" + raw)
        # Split at three points (deltas 4, 17, 9) and with the small limits.
        write(directory, name + "-split", bytes([0x03, 3, 16, 8]) + raw)
        write(directory, name + "-small-limits", bytes([0x0A, 20, 5]) + raw)
    for name in ["get", "chunked", "pipelined-get-post-get", "cl-te", "bare-cr-header", "te-obs-fold"]:
        write(directory, name + "-bytewise", b"\x10" + everything[name])
    for name, raw in long_cases().items():
        write(directory, name, b"\x00" + raw)
        write(directory, name + "-split", bytes([0x02, 255, 255]) + raw)


ARTICLE = "000-44894ce68db02e79"
EVENT = "oval-office-meeting-2025-02-28"
PROPOSAL = "nato-like-collective-defence"

QUERIES = [
    "/", "/openapi.json", "/healthz", "/readyz", "/metrics",
    "/articles", "/articles?q=security&sort=-date&limit=2&offset=1", "/articles?format=csv", "/articles?sort=date&pretty",
    f"/articles/{ARTICLE}", f"/articles/{ARTICLE}?include=text,paragraphs,mentions,cleaning",
    f"/articles/{ARTICLE}/entities?limit=5", f"/articles/{ARTICLE}/events", f"/articles/{ARTICLE}/proposals?format=csv",
    "/entities", "/entities?type=person,country&q=zelensky", "/entities?type=place&limit=100&offset=3",
    "/entities/resolve?name=Zelenskiy", "/entities/resolve?name=zelensk%C3%BDy", "/entities/resolve?name=UN",
    "/entities/volodymyr-zelensky", "/entities/volodymyr-zelensky/articles", "/entities/russia/events?format=csv",
    "/entities/donald-trump/proposals", "/entities/nato/mentions?limit=3&offset=2",
    "/events", "/events?status=held&sort=-date", "/events?participant=zelensky&status=held&sort=-date",
    "/events?status=held,scheduled&kind=summit,talks&participant=Zelenskiy&location=alaska&from=2025-01&to=2025-12-31&q=talks&sort=-date&limit=3&offset=1",
    "/events?from=2025&to=2025-02", "/events?format=geojson", "/events?format=ics", "/events?format=csv&pretty=1",
    "/events.ics", "/events.ics?status=held", "HEAD /events.ics?participant=putin",
    f"/events/{EVENT}", f"/events/{EVENT}?format=geojson", f"/events/{EVENT}?format=ics",
    "/proposals", "/proposals?opponent=russia", "/proposals?kind=multinational-force,arms-supply&status=proposed,pledged",
    "/proposals?proposer=france&supporter=united-kingdom&q=troops&sort=-date", f"/proposals/{PROPOSAL}",
    "/search?q=security+guarantees", "/search?q=%22security+guarantees%22&limit=1", "/search?q=putin&type=article,event",
    "/search?q=zelensky+trump&type=entity,proposal&format=csv",
    # Errors that must stay 4xx.
    "/events?stauts=held", "/events?limit=0", "/events?limit=101", "/events?offset=-1", "/events?status=held&status=held",
    "/events?status=", "/events?status=held,,x", "/events?from=2025-02-30", "/events?participant=nobody",
    "/articles/nope", "/entities/resolve", "/search", "/search?q=", "/search?q=the", "/events?format=xml",
    "/events%zz", "/events?q=%00", "/events?q=%ff", "/%2e%2e/%2e%2e/etc/passwd", "//events//", "/events/",
    "http://accord.example/events?status=held", "https://x/", "POST /events", "DELETE /entities/russia",
    "OPTIONS /events", "OPTIONS *", "/events#frag", "/events?&&=&a",
]

HEADER_VARIANTS = [
    "/events\ntext/csv",
    "/events\napplication/geo+json;q=0.9, */*;q=0.1",
    "/events\ntext/html",
    "/events\ntext/calendar;q=abc, application/*",
    "/events.ics\n\n*",
    "/events\n\nW/\"abc\", \"def\"",
    "OPTIONS /events\n\n\nhttps://x.example",
    "/events\n\n\nhttps://x.example",
    "/events?limit=1\n\n\n\nproxy.example:8443\n/accord",
    "/events?limit=1\n\n\n\nbad host/\n/../x",
    "/\n\n\n\n\n\nfor=192.0.2.60;proto=https;host=\"front.example\"",
    # The web explorer: the page for browsers, its assets, and names outside the allow-list.
    "/\ntext/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "/?api=http://x.example\ntext/html",
    "/explorer/app.js\n\n*",
    "/explorer/index.html",
    "/explorer/..%2Fseeds%2Fentities.json",
    "/explorer/%2e%2e/Package.swift",
]


def query_corpus():
    directory = os.path.join(HERE, "corpus", "FuzzQuery")
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    for index, query in enumerate(QUERIES + HEADER_VARIANTS):
        write(directory, "q%03d" % index, query.encode())


ARTICLE_SHAPES = {
    "cr-only": b"KYIV, Ukraine \xe2\x80\x94 Zelensky met Macron in Paris on Monday.\rThey spoke for an hour.\r\rShare",
    "mixed-endings": b"By Jane Doe\r\nUpdated 9:41 AM EDT, Tue August 19, 2025\n\nTrump said he would meet Putin next week.\r\r(Reporting by X; Editing by Y)\n",
    "line-separators": "Witkoff will travel to Moscow on Thursday.\u2028Peskov confirmed the visit.\u2029Advertisement".encode(),
    "bom-and-controls": b"\xef\xbb\xbfGeneva talks\x00\x00 ended\x1b[0m on Sunday, Nov. 23.\x0cRubio called them productive.\xc2\x85Next.",
    "long-line": b"Zelensky said that " + b"the talks in Istanbul and the summit in Alaska and " * 120 + b"continued",
    "empty": b"",
}


def article_corpus():
    directory = os.path.join(HERE, "corpus", "FuzzArticle")
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    root = os.path.dirname(HERE)
    files = sorted(glob.glob(os.path.join(root, "seeds", "articles", "*.txt")))
    files += sorted(glob.glob(os.path.join(root, "bench", "extraction-eval*", "articles", "*.txt")))
    for path in files:
        with open(path, "rb") as handle:
            write(directory, "a-" + os.path.basename(path)[:-4], handle.read(6000))
    for name, data in ARTICLE_SHAPES.items():
        write(directory, "s-" + name, data)


if __name__ == "__main__":
    parser_corpus()
    query_corpus()
    article_corpus()
