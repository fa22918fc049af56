"""Cache files of notice records, each record read alone.

A report over 10,000 notices looks at a few hundred records: a shard file
holds each record pickled on its own, after an index of where each one
lies, so reading one record reads its bytes only. A shard file is its
header (plain bytes: ``write_header``), the CRC-32 and length of the index, the index (pickled:
path -> (digest of the notice file, offset, length, CRC-32 of the record)),
then the records. It is written whole to a temporary file and renamed; a
damaged index or record is ignored (the notice is read from its file again).

Nothing is unpickled from a file another user could have written
(``giaoban.store.files.open_private``), and the header, compared before
anything else is read, is not a pickle.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import tempfile
import zlib
from pathlib import Path
from typing import Any, BinaryIO

from giaoban.store.files import open_private

_CHECK = struct.Struct("<IQ")  # CRC-32 and length of the index
_HEADER_SIZE = struct.Struct("<H")
MAGIC = b"giaoban-cache\0"


def write_header(stream: BinaryIO, header: tuple[Any, ...]) -> None:
    """A cache file's header: what it was written for, as plain bytes (never a pickle)."""
    text = MAGIC + repr(header).encode("utf-8", "surrogateescape")
    stream.write(_HEADER_SIZE.pack(len(text)) + text)


def header_matches(stream: BinaryIO, header: tuple[Any, ...]) -> bool:
    """Whether the file open in ``stream`` starts with ``header`` (read past it if so)."""
    sized = stream.read(_HEADER_SIZE.size)
    if len(sized) != _HEADER_SIZE.size:
        return False
    wanted = MAGIC + repr(header).encode("utf-8", "surrogateescape")
    return stream.read(_HEADER_SIZE.unpack(sized)[0]) == wanted


WHOLE_AFTER = 20  # records read one by one before the rest are read at once
Located = tuple[bytes, int, int, int]  # digest, offset, length, CRC-32


class RecordShard:
    """One shard file: records by path, read when asked for, written when changed."""

    def __init__(self, path: Path, header: tuple[Any, ...]) -> None:
        self.path = path
        self.header = header
        self.index: dict[str, Located] = {}
        self.base = 0  # where the records start in the file
        self.changed: dict[str, tuple[bytes, bytes] | None] = {}  # None: dropped
        self._reads = 0
        self._whole: bytes | None = None  # the records, once many were asked for
        self._read_index()

    def _read_index(self) -> None:
        try:
            with open_private(self.path) as stream:
                if not header_matches(stream, self.header):
                    return
                crc, size = _CHECK.unpack(stream.read(_CHECK.size))
                body = stream.read(size)
                if len(body) != size or zlib.crc32(body) != crc:
                    return
                index = pickle.loads(body)
                self.base = stream.tell()
        except Exception:  # noqa: BLE001 - any unreadable cache is simply rebuilt
            return
        if isinstance(index, dict):
            self.index = index

    def get(self, rel: str, digest: bytes) -> bytes | None:
        """The record of ``rel`` kept for a file with ``digest``, or None."""
        if rel in self.changed:
            kept = self.changed[rel]
            return kept[1] if kept is not None and kept[0] == digest else None
        located = self.index.get(rel)
        if not isinstance(located, tuple) or len(located) != 4 or located[0] != digest:
            return None
        return self._read(located)

    def _read(self, located: Located) -> bytes | None:
        _, offset, length, crc = located
        try:
            if self._whole is None and self._reads >= WHOLE_AFTER:
                with open_private(self.path) as stream:  # reading many: read them all at once
                    stream.seek(self.base)
                    self._whole = stream.read()
            self._reads += 1
            if self._whole is not None:
                data = self._whole[offset : offset + length]
            else:
                with open_private(self.path) as stream:
                    stream.seek(self.base + offset)
                    data = stream.read(length)
        except (OSError, ValueError, TypeError):
            return None
        return data if len(data) == length and zlib.crc32(data) == crc else None

    def put(self, rel: str, digest: bytes, record: bytes) -> None:
        self.changed[rel] = (digest, record)

    def drop(self, rel: str) -> None:
        self.changed[rel] = None

    def save(self) -> None:
        """Write the shard again with its changes (unchanged records copied as bytes)."""
        if not self.changed:
            return
        records: dict[str, tuple[bytes, bytes]] = {}
        for rel, located in self.index.items():
            if rel not in self.changed:
                data = self._read(located)
                if data is not None:
                    records[rel] = (located[0], data)
        records.update((rel, kept) for rel, kept in self.changed.items() if kept is not None)
        index: dict[str, Located] = {}
        offset = 0
        for rel, (digest, data) in records.items():
            index[rel] = (digest, offset, len(data), zlib.crc32(data))
            offset += len(data)
        body = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
        fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as stream:
                write_header(stream, self.header)
                stream.write(_CHECK.pack(zlib.crc32(body), len(body)))
                stream.write(body)
                base = stream.tell()
                for _, data in records.values():
                    stream.write(data)
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        self.index, self.base, self.changed, self._whole = index, base, {}, None
