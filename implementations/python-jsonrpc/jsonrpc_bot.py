#!/usr/bin/env python3
"""The Python bot, framed by a stock JSON-RPC 2.0 library.

``implementations/python/bot.py`` does the calling (requests to Graph, the callback, what it
believes); this file replaces only its stdin/stdout loop with the ``json-rpc`` library from PyPI
(``jsonrpc.JSONRPCResponseManager``), as a C#, Java or Python team would do with the JSON-RPC
library it already uses. Nothing here frames a message by hand: the library reads the requests and
writes the answers and error objects (PROTOCOL.md, "JSON-RPC 2.0 framing")::

    scripts/setup-toolchains.sh    # installs json-rpc (requirements.txt, with its hash) into .toolchains/python-jsonrpc
    graph-calls-contract run --command implementations/python-jsonrpc/run-bot.sh

The harness detects the framing: the library validates every request strictly, so it answers the
native start (whose ``protocol`` member JSON-RPC does not define) with "Invalid Request" and
``"id": null``, and the harness sends start again as JSON-RPC. It answers an unknown method with
-32601; a refusal of the bot (Graph said no, a bad intent) is the error -32000 with the bot's message,
and so is an exception the bot did not expect (the library's "Server error", with its type in data).
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Dict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))

from bot import Bot, RequestError, log  # noqa: E402  (the standard-library bot, one folder up)
from jsonrpc import Dispatcher, JSONRPCResponseManager  # noqa: E402
from jsonrpc.exceptions import JSONRPCDispatchException  # noqa: E402

# JSON-RPC 2.0 reserves -32000 to -32099 for implementation-defined server errors.
BOT_REFUSED = -32000


def method(handler: Callable[[Dict[str, Any]], Any]) -> Callable[..., Any]:
    """A protocol method as the library calls it (params as keyword arguments); the bot's refusals become error objects."""

    def call(**params: Any) -> Any:
        try:
            return handler(params)
        except RequestError as error:
            raise JSONRPCDispatchException(code=BOT_REFUSED, message=str(error))

    return call


def main() -> int:
    stdin = open(sys.stdin.fileno(), "r", encoding="utf-8", errors="replace", closefd=False)
    bot = Bot()
    stopping = []
    dispatcher = Dispatcher()
    dispatcher["start"] = method(bot.start)
    dispatcher["createCall"] = method(bot.create_call)
    dispatcher["transfer"] = method(bot.transfer)
    dispatcher["observe"] = method(bot.observe)
    dispatcher["stop"] = method(lambda params: stopping.append(True) or {})
    try:
        for line in stdin:
            if not line.strip():
                continue
            response = JSONRPCResponseManager.handle(line, dispatcher)
            if response is not None:  # a JSON-RPC notification (no id) gets no answer
                sys.stdout.write(response.json + "\n")
                sys.stdout.flush()
            if stopping:
                return 0
        log("stdin closed: exiting")
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        bot.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
