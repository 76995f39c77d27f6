"""Starts Apertium APy bound to 127.0.0.1 only.

APy has no bind-address option and listens on every interface; a translation server for local
development and tests has no business on the network, so this wraps its own main() and pins the
address. Usage: /usr/bin/python3 scripts/apy.py PORT PAIRS_DIR
"""
import sys

import tornado.tcpserver

port, pairs = sys.argv[1], sys.argv[2]
# Set before importing apy: its parse_args() binds sys.argv as a default argument at import time.
# Two pipelines per pair: one per core, so concurrent requests do not queue behind one another.
sys.argv = ["apertium-apy", "--port", port, "--num-processes", "1", "--max-pipes-per-pair", "2", "--timeout", "30", pairs]
from apertium_apy import apy  # noqa: E402

_bind = tornado.tcpserver.TCPServer.bind


def bind_loopback(self, port, address=None, *args, **kwargs):
    return _bind(self, port, "127.0.0.1", *args, **kwargs)


tornado.tcpserver.TCPServer.bind = bind_loopback
apy.main()
