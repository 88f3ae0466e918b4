#!/usr/bin/env python3
"""Record the ClientHello a real TLS client sends, and how the client behaves.

Two modes, both on 127.0.0.1 only, both bounded in time, both stopping every
process they start (by the process group they created):

  capture   Listen on a free port, run the client command with {port} replaced
            by that port, accept one connection, read the whole ClientHello
            (every record it spans), answer with a fatal handshake_failure alert
            and close. The raw bytes are written as hex to --out and printed.

            scripts/capture-clienthello.py capture --out data/clients/captures/curl-7.88-debian12.hex \
                -- curl -sk https://127.0.0.1:{port}/

  facts     Read .hex captures (independently of cipherdex's decoder) and print the
            fact columns of data/clients/captures.csv.

  against   Start a real `openssl s_server` (a throw-away ECDSA P-256 certificate,
            extra s_server options from --server), run the client against it and
            print what happened: the handshake the server completed (version and
            suite from the server's own log) or the error both sides printed.
            The server certificate is signed by a throw-away CA; {cert} in the
            command is that CA's PEM file (for clients that must be told to
            trust it, e.g. Firefox).

            scripts/capture-clienthello.py against --server '-tls1_1 -cipher DEFAULT:@SECLEVEL=0' \
                -- python3 -c '...{port}...'

Only the Python standard library is needed. `openssl` must be on PATH for `against`.
"""

import argparse
import os
import re
import select
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time


def die(msg):
    print(f"capture-clienthello: {msg}", file=sys.stderr)
    sys.exit(2)


def start_client(argv, port, env_extra=None, cert=None):
    cmd = [a.replace("{port}", str(port)) for a in argv]
    if cert:
        cmd = [a.replace("{cert}", cert) for a in cmd]
    env = dict(os.environ)
    if env_extra:
        env.update(env_extra)
    # A new session makes the client the leader of its own process group, so stop()
    # reaches its children (browsers fork) and nothing else.
    return subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env=env,
    )


def stop(proc, grace=2.0):
    """Stops the process group `proc` leads; returns its output (bounded)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(5)
    else:
        # The leader exited; its children (if any) are still in the group.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    out = proc.stdout.read() if proc.stdout else b""
    return out.decode("utf-8", "replace")


def read_exact(conn, n, deadline):
    buf = b""
    while len(buf) < n:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"timed out after reading {len(buf)} of {n} bytes")
        conn.settimeout(left)
        chunk = conn.recv(n - len(buf))
        if not chunk:
            raise EOFError(f"the client closed after {len(buf)} of {n} bytes")
        buf += chunk
    return buf


def read_client_hello(conn, deadline):
    """Reads TLS records until they hold one whole handshake message; returns the raw records."""
    raw = b""
    handshake = b""
    while True:
        header = read_exact(conn, 5, deadline)
        if header[0] & 0x80 and not raw:
            # SSL 2.0-format hello: 2-byte header with the high bit set.
            length = ((header[0] & 0x7F) << 8) | header[1]
            return header + read_exact(conn, length - 3, deadline)
        if header[0] != 0x16:
            raise ValueError(f"expected a handshake record (0x16), got content type 0x{header[0]:02x}")
        length = int.from_bytes(header[3:5], "big")
        body = read_exact(conn, length, deadline)
        raw += header + body
        handshake += body
        if len(handshake) >= 4:
            need = 4 + int.from_bytes(handshake[1:4], "big")
            if len(handshake) >= need:
                return raw


def to_hex(data):
    lines = []
    for i in range(0, len(data), 32):
        lines.append(" ".join(f"{b:02x}" for b in data[i : i + 32]))
    return "\n".join(lines) + "\n"


def capture(args):
    if not args.command:
        die("no client command given; put it after --, with {port} where the port goes")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(8)
    port = listener.getsockname()[1]
    proc = start_client(args.command, port)
    deadline = time.monotonic() + args.timeout
    hello = None
    error = None
    try:
        while hello is None:
            left = deadline - time.monotonic()
            if left <= 0:
                error = f"no ClientHello within {args.timeout} s"
                break
            ready, _, _ = select.select([listener], [], [], min(left, 0.2))
            if not ready:
                if proc.poll() is not None and not args.keep_waiting:
                    error = f"the client exited (status {proc.returncode}) without connecting"
                    break
                continue
            conn, _ = listener.accept()
            try:
                hello = read_client_hello(conn, deadline)
                if args.answer == "alert":
                    # Fatal handshake_failure (40), record version TLS 1.2.
                    conn.sendall(bytes([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]))
            except (TimeoutError, EOFError, ValueError, OSError) as e:
                # Keep listening: a browser may open a probe connection first.
                print(f"capture-clienthello: connection dropped: {e}", file=sys.stderr)
            finally:
                conn.close()
    finally:
        listener.close()
        time.sleep(args.linger)
        out = stop(proc)
    if args.show_client_output and out.strip():
        print("--- client output ---", file=sys.stderr)
        print(out.strip()[-4000:], file=sys.stderr)
    if hello is None:
        die(error or "no ClientHello")
    text = to_hex(hello)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write(text)
    print(f"# {len(hello)} bytes from: {shlex.join(args.command)}", file=sys.stderr)
    sys.stdout.write(text)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port):
    """True if something listens on 127.0.0.1:port (read from /proc/net/tcp, no connection made)."""
    want = f"0100007F:{port:04X}"
    with open("/proc/net/tcp") as f:
        return any(l.split()[1] == want and l.split()[3] == "0A" for l in list(f)[1:])


def make_cert(tmp):
    """A throw-away CA and an ECDSA P-256 server certificate it signed; returns (cert, key, ca)."""
    ca_key, ca = os.path.join(tmp, "ca.key"), os.path.join(tmp, "ca.pem")
    key, cert = os.path.join(tmp, "key.pem"), os.path.join(tmp, "cert.pem")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "30"]
    subprocess.run(
        ["openssl", "req", "-x509"] + ec + ["-keyout", ca_key, "-out", ca,
         "-subj", "/CN=capture-clienthello test CA"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    subprocess.run(
        ["openssl", "req", "-x509"] + ec + ["-keyout", key, "-out", cert, "-CA", ca, "-CAkey", ca_key,
         "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-addext", "basicConstraints=critical,CA:FALSE"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return cert, key, ca


SERVER_DONE = re.compile(r"^(?:Protocol version|Ciphersuite|Peer signature type|Negotiated TLS1.3 group|Supported groups|Shared groups)\b.*", re.M)
OPENSSL_REASON = re.compile(r"error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):")


def against(args):
    if not args.command:
        die("no client command given; put it after --, with {port} where the port goes")
    env = dict(os.environ, OPENSSL_CONF="/dev/null")
    with tempfile.TemporaryDirectory() as tmp:
        cert, key, ca = make_cert(tmp)
        # -brief: s_server prints the negotiated protocol, suite and groups on its own.
        port = free_port()
        server_cmd = ["openssl", "s_server", "-brief", "-accept", f"127.0.0.1:{port}", "-naccept", "1",
                      "-cert", cert, "-key", key] + shlex.split(args.server)
        server = subprocess.Popen(server_cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, start_new_session=True, env=env)
        # -brief also silences the ACCEPT line: wait until the port is listening.
        deadline = time.monotonic() + 10
        while not listening(port) and time.monotonic() < deadline:
            if server.poll() is not None:
                break
            time.sleep(0.05)
        if not listening(port):
            die(f"s_server did not start: {stop(server).strip()}")
        client = start_client(args.command, port, cert=ca)
        # Wait until the client exits, or the server has printed the handshake (an HTTP
        # client then waits for a reply that plain s_server never sends), or time is up.
        server_out = ""
        deadline = time.monotonic() + args.timeout
        while client.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([server.stdout], [], [], 0.1)
            if ready:
                chunk = os.read(server.stdout.fileno(), 65536).decode("utf-8", "replace")
                server_out += chunk
                if "Ciphersuite:" in server_out or not chunk:
                    break
        time.sleep(args.linger)
        client_out = stop(client)
        status = client.returncode
        server_out += stop(server)
    done = SERVER_DONE.findall(server_out)
    errors = [m.group(1) for m in OPENSSL_REASON.finditer(server_out)]
    errors = [e for e in errors if e != "unexpected eof while reading"]
    print(f"server: {shlex.join(server_cmd[:4])} ... {args.server}")
    how = f"exit status {status}" if status >= 0 else "stopped by the harness"
    print(f"client: {shlex.join(args.command)} ({how})")
    if done:
        print("outcome: handshake completed: " + "; ".join(d.strip() for d in done))
    else:
        print("outcome: no handshake")
    for e in errors[:3]:
        print("server error: " + e)
    for e in [m.group(1) for m in OPENSSL_REASON.finditer(client_out)][:3]:
        print("client error: " + e)
    tail = [l for l in client_out.strip().splitlines() if l.strip()][-args.client_lines:]
    for l in tail:
        print("client said: " + l.strip()[:300])


VERSIONS = {0x0300: "SSLv3", 0x0301: "TLSv1.0", 0x0302: "TLSv1.1", 0x0303: "TLSv1.2", 0x0304: "TLSv1.3"}


def is_grease(v):
    return v & 0x0F0F == 0x0A0A and v >> 8 == v & 0xFF


def code_list(codes):
    return " ".join("GREASE" if is_grease(c) else f"0x{c:04X}" for c in codes)


def u16s(b):
    return [int.from_bytes(b[i : i + 2], "big") for i in range(0, len(b) - 1, 2)]


def parse_hello(raw):
    """A second, independent reading of a TLS-record ClientHello: the facts the manifest states."""
    hs = b""
    i = 0
    while i < len(raw):
        length = int.from_bytes(raw[i + 3 : i + 5], "big")
        hs += raw[i + 5 : i + 5 + length]
        i += 5 + length
    if hs[0] != 1:
        raise ValueError("not a ClientHello")
    body = hs[4 : 4 + int.from_bytes(hs[1:4], "big")]
    legacy = int.from_bytes(body[0:2], "big")
    p = 2 + 32
    p += 1 + body[p]
    n = int.from_bytes(body[p : p + 2], "big")
    suites = u16s(body[p + 2 : p + 2 + n])
    p += 2 + n
    p += 1 + body[p]
    exts = []
    if p < len(body):
        end = p + 2 + int.from_bytes(body[p : p + 2], "big")
        p += 2
        while p < end:
            kind = int.from_bytes(body[p : p + 2], "big")
            length = int.from_bytes(body[p + 2 : p + 4], "big")
            exts.append((kind, body[p + 4 : p + 4 + length]))
            p += 4 + length
    ext = dict(exts)
    versions = [legacy]
    if 43 in ext:
        versions = [v for v in u16s(ext[43][1:]) if not is_grease(v)]
    shares = []
    if 51 in ext:
        d = ext[51][2:]
        while len(d) >= 4:
            shares.append(int.from_bytes(d[0:2], "big"))
            d = d[4 + int.from_bytes(d[2:4], "big") :]
    grease = any(is_grease(c) for c in suites) or any(is_grease(k) for k, _ in exts)
    return {
        "max_version": VERSIONS.get(max(versions), f"0x{max(versions):04X}"),
        # Without supported_versions a hello states only its highest version.
        "min_version": VERSIONS.get(min(versions), f"0x{min(versions):04X}") if 43 in ext else "",
        "suites": str(len(suites)),
        "grease": "yes" if grease else "no",
        "groups": code_list(u16s(ext.get(10, b"")[2:])),
        "key_shares": code_list(shares),
        "sigalgs": str(len(u16s(ext.get(13, b"")[2:]))),
        "extensions": str(len(exts)),
    }


def facts(args):
    import csv
    w = csv.writer(sys.stdout, lineterminator="\n")
    keys = ["capture", "bytes", "max_version", "min_version", "suites", "grease", "groups",
            "key_shares", "sigalgs", "extensions"]
    w.writerow(keys)
    for path in args.files:
        with open(path) as f:
            raw = bytes.fromhex(f.read())
        row = parse_hello(raw)
        row["capture"] = os.path.basename(path)[: -len(".hex")]
        row["bytes"] = str(len(raw))
        w.writerow([row[k] for k in keys])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="mode", required=True)
    c = sub.add_parser("capture", help="record the ClientHello")
    c.add_argument("--out", help="write the hex here (one line per 32 bytes)")
    c.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    c.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the hello")
    c.add_argument("--answer", choices=["alert", "close"], default="alert",
                   help="answer with a fatal handshake_failure alert (default) or just close")
    c.add_argument("--linger", type=float, default=0.5, help="seconds to let the client react before stopping it")
    c.add_argument("--keep-waiting", action="store_true",
                   help="keep listening when the command exits (it started a process that connects later)")
    c.add_argument("--show-client-output", action="store_true")
    c.add_argument("command", nargs=argparse.REMAINDER)
    a = sub.add_parser("against", help="run the client against a real openssl s_server")
    a.add_argument("--server", default="", help="extra openssl s_server options, e.g. '-tls1_1 -cipher DEFAULT:@SECLEVEL=0'")
    a.add_argument("--timeout", type=float, default=20.0, help="seconds to let the client run")
    a.add_argument("--linger", type=float, default=0.3)
    a.add_argument("--client-lines", type=int, default=3, help="last lines of client output to print")
    a.add_argument("command", nargs=argparse.REMAINDER)
    f = sub.add_parser("facts", help="print the manifest's fact columns of .hex captures (CSV)")
    f.add_argument("files", nargs="+")
    args = p.parse_args()
    if args.mode == "facts":
        return facts(args)
    if args.command and args.command[0] == "--":
        args.command = args.command[1:]
    (capture if args.mode == "capture" else against)(args)


if __name__ == "__main__":
    main()
