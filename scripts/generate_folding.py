#!/usr/bin/env python3
"""Regenerates the table in Sources/Store/Text/DiacriticFolding.swift from Python's unicodedata.

Prints the Swift dictionary entries: every lowercase Latin/Greek/Cyrillic letter whose NFD is a
base letter plus combining marks, mapped to the base, plus the hand-listed variants.
"""
import unicodedata

RANGES = [(0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF)]
EXTRAS = {"ł": "l", "ŀ": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ı": "i", "þ": "th",
          "ħ": "h", "ŧ": "t", "ß": "ss", "ĸ": "k", "ŋ": "n", "ǥ": "g", "ƀ": "b", "ɨ": "i", "ʉ": "u", "ƶ": "z"}

table = {}
for low, high in RANGES:
    for cp in range(low, high + 1):
        ch = chr(cp)
        if unicodedata.category(ch)[0] != "L":
            continue
        lower = ch.lower()
        if len(lower) != 1:
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c))
        if base and base != lower:
            table[ord(lower)] = base
for letter, base in EXTRAS.items():
    table[ord(letter)] = base
for cp, base in sorted(table.items()):
    print('0x%04X: "%s",' % (cp, base))
