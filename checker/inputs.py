"""Reading a file named on the command line (or standard input for ``-``):
at most a stated number of bytes, and one clear Chinese message, never a
traceback, for a missing file, a folder, no permission, a closed stream or a
file too large. Shared by ``check`` and ``batch``."""

from __future__ import annotations

from typing import TextIO

from .answers import printable


class InputError(Exception):
    """Input that cannot be read (before it is parsed)."""


def source_name(source: str) -> str:
    return "标准输入" if source == "-" else f"文件“{printable(source, 200)}”"


def read_bytes(source: str, stdin: TextIO | None, *, what: str, limit: int, limit_text: str) -> bytes:
    """The bytes of ``source`` (``-``: standard input), at most ``limit``.
    ``what`` names what the file should be (e.g. ``"答案 JSON 文件"``)."""
    name = source_name(source)
    try:
        if source == "-":
            if stdin is None:
                raise InputError(f"标准输入已关闭，没有可读的内容。请用管道或文件提供{what}。")
            buffer = getattr(stdin, "buffer", None)
            data = buffer.read(limit + 1) if buffer is not None else stdin.read(limit + 1).encode("utf-8", "surrogatepass")
        else:
            with open(source, "rb") as handle:
                data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"找不到{name}。") from None
    except IsADirectoryError:
        raise InputError(f"{name}是一个目录，应为{what}。") from None
    except PermissionError:
        raise InputError(f"没有读取{name}的权限。") from None
    except OSError as err:
        raise InputError(f"无法读取{name}（{printable(err.strerror or type(err).__name__)}）。") from None
    if len(data) > limit:
        raise InputError(f"{name}超过 {limit_text} 的上限，不像是一份{what}。")
    return data


def write_all(stream: TextIO, text: str) -> None:
    """Write ``text`` and flush, all of it or an error. With an unbuffered
    stdout (``python -u``, ``PYTHONUNBUFFERED``) a text write to a pipe is one
    system call: when the reader has gone (``| head -c 10``) it writes part and
    silently drops the rest, and the command would exit 0. Writing the bytes in
    a loop makes the next write fail with ``BrokenPipeError`` (exit 141)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    data = memoryview(text.encode(getattr(stream, "encoding", None) or "utf-8", getattr(stream, "errors", None) or "strict"))
    while data:
        written = buffer.write(data)
        data = data[written if written is not None else 0:]
    buffer.flush()


def say(stream: TextIO | None, program: str, message: str) -> None:
    """One message on stderr (``stream``) after the program's name; nothing, and
    no second error, when stderr is closed (``2>&-``) or full."""
    if stream is None:
        return
    try:
        stream.write(f"{program}: {message}\n")
        stream.flush()
    except (OSError, ValueError):
        pass
