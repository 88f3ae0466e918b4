"""Python client for scripts/capture-clienthello.py: ssl.create_default_context(), as an
application would use it, with certificate checks off (they do not change the ClientHello).

Usage: python3 python_client.py PORT
"""
import socket
import ssl
import sys

port = int(sys.argv[1])
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
    try:
        with ctx.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            print("connected", tls.version(), tls.cipher()[0])
    except (ssl.SSLError, OSError) as e:
        print("failed", e)
        sys.exit(1)
