#!/usr/bin/python3
"""A real SMTP server for the email tests, on Debian's python3-aiosmtpd: STARTTLS required (with the
certificate given), then AUTH (PLAIN or LOGIN) with $SMTP_TEST_USER and $SMTP_TEST_PASSWORD. Each
message received is parsed with Python's email package and appended to OUT as one JSON line.

    smtp_server.py PORT CERT KEY OUT        (prints "ready" once it listens; stops on SIGTERM)
"""
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, cert, key, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
USER = os.environ["SMTP_TEST_USER"].encode()
PASSWORD = os.environ["SMTP_TEST_PASSWORD"].encode()


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER and auth_data.password == PASSWORD
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


class Handler:
    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = msg.get_body(("plain",))
        html = msg.get_body(("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(msg["subject"]),
            "from": str(msg["from"]),
            "to": str(msg["to"]),
            "text": text.get_content() if text else "",
            "html": html.get_content() if html else "",
            "raw": envelope.content.decode("utf-8", "replace"),
            "tls": session.ssl is not None,
            "login": session.auth_data.login.decode("utf-8", "replace") if isinstance(session.auth_data, LoginPassword) else "",
        }
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        return "250 OK"


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(
    Handler(),
    hostname="127.0.0.1",
    port=port,
    tls_context=context,
    require_starttls=True,
    authenticator=authenticator,
    auth_required=True,
    auth_require_tls=True,
)
controller.start()
print("ready", flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
stop.wait()
controller.stop()
