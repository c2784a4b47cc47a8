#!/usr/bin/env python3
"""Expected SHA-256 digests from Python's hashlib (the oracle for Sources/Flightdeck/FileSystem/SHA256.swift).

Each input is a deterministic byte pattern of a given length, chosen around the 64-byte block and
the 56-byte padding boundaries, plus UTF-8 text. Run: python3 generate.py > vectors.json
"""
import hashlib
import json


def pattern(length):
    return bytes((i * 31 + 7) % 256 for i in range(length))


vectors = []
for length in [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 100_003]:
    vectors.append({"length": length, "sha256": hashlib.sha256(pattern(length)).hexdigest()})
texts = ["abc", "Tomás Ortega ✓ 🚀", "a" * 1_000]
print(json.dumps({
    "pattern": "byte i is (i * 31 + 7) % 256",
    "vectors": vectors,
    "texts": [{"text": t, "sha256": hashlib.sha256(t.encode("utf-8")).hexdigest()} for t in texts],
}, indent=1, ensure_ascii=False))
