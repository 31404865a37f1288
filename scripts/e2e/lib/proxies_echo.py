"""An upstream that answers every request with what it received, for scripts/e2e/proxies.sh.

    python3 proxies_echo.py PORT

GET/HEAD anything -> 200 application/json {"method", "path", "headers": [[name, value], ...]}
with every header field as the proxy sent it (repeated fields kept, in order), and
Cache-Control: no-store so that no cache in front keeps it. HTTP/1.1 with keep-alive, as
nginx, HAProxy, Caddy and Varnish use upstream. /readyz and /healthz answer the same way, so
health checks pass.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Echo(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self, with_body):
        body = json.dumps({
            "method": self.command,
            "path": self.path,
            "headers": [[name, value] for name, value in self.headers.items()],
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def do_GET(self):
        self._answer(True)

    def do_HEAD(self):
        self._answer(False)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a proxy closing or resetting an idle keep-alive connection is not news


def main():
    server = Server(("127.0.0.1", int(sys.argv[1])), Echo)
    server.serve_forever()


if __name__ == "__main__":
    main()
