"""
Runs documented Python SDK snippets as published: each one becomes the body of an async function
that is given `graph_client`, a msgraph-sdk GraphServiceClient pointed at the mock Graph with a
test token (the snippets say "To initialize your graph_client, see ..."). Nothing else is added.

Input (stdin): {"baseUrl": "...", "snippets": [{"key": "...", "token": "...", "code": "..."}]}
Output (stdout): one JSON line per snippet: {"key", "outcome": "ran" | "compile-error" | "run-error", "message"?}
The requests themselves are captured by the mock Graph; the token tells which snippet sent one.
"""
import asyncio
import json
import sys
import textwrap
import traceback
from graph_client import client_for


WRAPPER_LINES = 1  # "async def __snippet(graph_client):" comes before the snippet's first line


def wrap(code):
    return "async def __snippet(graph_client):\n" + textwrap.indent(code, "    ", lambda line: True) + "\n    pass\n"


async def run_one(base_url, snippet):
    try:
        compiled = compile(wrap(snippet["code"]), f"<snippet {snippet['key']}>", "exec")
    except SyntaxError as error:
        line = (error.lineno or WRAPPER_LINES + 1) - WRAPPER_LINES
        return {"outcome": "compile-error", "message": f"line {line}: SyntaxError: {error.msg}"}
    scope = {}
    try:
        exec(compiled, scope)
        await asyncio.wait_for(scope["__snippet"](client_for(base_url, snippet["token"])), timeout=20)
        return {"outcome": "ran"}
    except Exception as error:  # the snippet's own failure, reported with where it happened
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith("<snippet")]
        where = f"line {frames[-1].lineno - WRAPPER_LINES}: " if frames else ""
        return {"outcome": "run-error", "message": f"{where}{type(error).__name__}: {str(error)[:500]}"}


async def main():
    job = json.load(sys.stdin)
    for snippet in job["snippets"]:
        result = await run_one(job["baseUrl"], snippet)
        print(json.dumps({"key": snippet["key"], **result}), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
