"""Render a shipped proxy example (config/) for a loopback test, changing only addresses.

    python3 proxies_render.py KIND EXAMPLE --listen PORT --upstream PORT[,PORT...] [--work DIR]
                              [--check-inter MS]

KIND is nginx, haproxy, caddy or varnish. The public name api.example.org becomes
127.0.0.1[:PORT] (what a loopback client sends as Host), the listener moves to 127.0.0.1:PORT
and 127.0.0.1:8080 becomes the given upstream(s). Everything else (the forwarding headers,
the Host check, gzip, health checks) is the example as shipped. A pattern that is missing from
the example is an error, so a changed example cannot silently go untested.
"""
import argparse
import re
import sys


def sub(text, pattern, replacement, count=0, what=None):
    new, n = re.subn(pattern, replacement, text, count=count, flags=re.M)
    if n == 0:
        sys.exit(f"proxies_render: {what or pattern!r} not found in the example")
    return new


def nginx(text, a):
    text = sub(text, r"listen 8081 default_server;", f"listen 127.0.0.1:{a.listen} default_server;")
    text = sub(text, r"listen 8081;", f"listen 127.0.0.1:{a.listen};")
    text = sub(text, r"server_name api\.example\.org;", "server_name 127.0.0.1;")
    servers = "\n".join(f"    server 127.0.0.1:{p};" for p in a.upstream)
    text = sub(text, r"^    server 127\.0\.0\.1:8080;$", lambda m: servers, count=1)
    return text


def haproxy(text, a):
    # The global section is the machine's (log target, stats socket), not the example's.
    glob = "global\n    log stderr format short local0 info\n"
    if a.work:
        glob += f"    stats socket {a.work}/haproxy.sock mode 600 level admin\n"
    text = sub(text, r"^global\n(    .*\n)*", lambda m: glob, count=1, what="global section")
    text = sub(text, r"^    bind :80$", f"    bind 127.0.0.1:{a.listen}")
    text = sub(text, r"req\.hdr\(host\) -i api\.example\.org", f"req.hdr(host) -i 127.0.0.1:{a.listen}")
    if a.check_inter:
        text = sub(text, r"default-server check inter 1s fall 2 rise 2",
                   f"default-server check inter {a.check_inter}ms fall 2 rise 2")
    # Each server keeps the example's options (maxconn).
    text = sub(text, r"^    server accord1 127\.0\.0\.1:8080(.*)$",
               lambda m: "\n".join(f"    server accord{i + 1} 127.0.0.1:{p}{m.group(1)}" for i, p in enumerate(a.upstream)), count=1)
    return text


def caddy(text, a):
    text = sub(text, r"^\{\n(.*\n)*?\}\n",
               lambda m: "{\n\tadmin off\n}\n", count=1, what="global options")
    text = sub(text, r"^api\.example\.org \{", f"http://127.0.0.1:{a.listen} {{")
    text = sub(text, r"header_up X-Forwarded-Host api\.example\.org",
               f"header_up X-Forwarded-Host 127.0.0.1:{a.listen}")
    upstreams = " ".join(f"127.0.0.1:{p}" for p in a.upstream)
    text = sub(text, r"reverse_proxy 127\.0\.0\.1:8080 \{", f"reverse_proxy {upstreams} {{")
    return text


def varnish(text, a):
    if len(a.upstream) != 1:
        sys.exit("proxies_render: the Varnish example has one backend")
    text = sub(text, r'\.port = "8080";', f'.port = "{a.upstream[0]}";')
    text = sub(text, r'!= "api\.example\.org"', f'!= "127.0.0.1:{a.listen}"')
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["nginx", "haproxy", "caddy", "varnish"])
    parser.add_argument("example")
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--work")
    parser.add_argument("--check-inter", type=int)
    a = parser.parse_args()
    a.upstream = [int(p) for p in a.upstream.split(",")]
    text = open(a.example).read()
    sys.stdout.write(globals()[a.kind](text, a))


if __name__ == "__main__":
    main()
