"""A slow SMTP server for tests/pg/mail.sh: aiosmtpd's Debugging handler (each message printed
between the markers tests/hiring/mail.sh reads), answering each DATA only after DELAY seconds,
as a busy relay does, so that one node's pass over its outbox overlaps the other node's.
usage: python3 slow_smtp.py PORT DELAY"""
import asyncio
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Debugging


class Slow(Debugging):
    def __init__(self, delay):
        super().__init__(sys.stdout)
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)


def main():
    port, delay = int(sys.argv[1]), float(sys.argv[2])
    controller = Controller(Slow(delay), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        asyncio.new_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
