#!/usr/bin/env python3
"""Checks a twokeys audit export without twokeys, and apart from the Node checker.

    python3 verify_audit.py audit.jsonl [trust.json] [--checkpoint cp.txt --witnesses keys.txt]
    python3 verify_audit.py --proof entry.tlog-proof --witnesses keys.txt [--event '<audit line>']

It checks what examples/verify-audit-standalone.mjs checks, with the same rules, the same output
lines and the same exit codes (0 OK, 1 TAMPERED or REFUSED, 2 bad input or usage), but shares no
code with it: Python 3.11 and its standard library, and the `cryptography` package for Ed25519.

- Each line of the export is one event. Its `hash` is SHA-256 (hex) of the RFC 8785 (JCS) form of
  every other field but `logIndex` and `logState`; its `prevHash` is the `hash` of the event before
  it in the same initiative ('' for seq 1). `logIndex` is its place in the store's Merkle log and
  `logState` (at a snapshot point) the state digest its leaf records: the leaf is
  `<initiativeId>\n<seq>\n<hash>\n`, then `<logState>\n` when there is one.
- With a trust file (`twokeys keys export`), every keyring change must apply to the keyring before
  it and be signed by a principal of each institution in the file; each signed command stored with
  an event must be signed by its actor's key, valid at the event's time, and ask for the event
  recorded; under identity: signed (or, where the store runs both, for an event whose policy is in
  `signedPolicies`), an event without a signed command (other than a TICK) fails.
- With a checkpoint (a C2SP signed note, c2sp.org/tlog-checkpoint) and a witnesses file, the
  checkpoint must be cosigned (c2sp.org/tlog-cosignature) by a witness of every institution in the
  file, and signed by the log's key if the file has a `log` line; the log's first `size` entries,
  ordered by logIndex, must have the checkpoint's RFC 6962 root.
- A proof (c2sp.org/tlog-proof@v1) shows that one event is entry `index` of such a checkpoint.

JSON is read as JavaScript's JSON.parse reads it (integers past 2**53 become the nearest double),
and RFC 8785 writes it: keys sorted by UTF-16 code units, no white space, strings and numbers as
ECMAScript's JSON.stringify writes them. A lone surrogate (which RFC 8785 cannot write) or a number
past the double range refuses the input.
"""

import base64
import errno
import hashlib
import json
import math
import re
import sys

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
except ImportError:  # pragma: no cover - reported as bad input, never as a pass
    print("error: this checker needs the Python package 'cryptography' (pip install cryptography)",
          file=sys.stderr)
    sys.exit(2)

USAGE = """usage: python3 verify_audit.py audit.jsonl [trust.json] [--checkpoint cp.txt --witnesses keys.txt]
       python3 verify_audit.py --proof entry.tlog-proof --witnesses keys.txt [--event '<audit line>']"""


# --- outcomes: 0 OK, 1 a finding, 2 bad input -------------------------------------------------
class Finding(Exception):
    """A line of output that ends the check with exit 1."""


class BadInput(Exception):
    """A message for stderr that ends the check with exit 2."""


def fail(position, why):
    raise Finding(f"TAMPERED at position {js(position)}: {why}")


def refuse(line):
    raise Finding(line)


def bad(why):
    raise BadInput(why)


# --- JavaScript's view of JSON values ---------------------------------------------------------
class Missing:
    """JavaScript's `undefined`: a property that is not there (None is JSON's null)."""

    def __repr__(self):
        return "undefined"


MISSING = Missing()


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def is_object(v):
    return isinstance(v, dict)


def own(o, k):
    """o[k] when o is an object that has k (JavaScript's Object.hasOwn), else undefined."""
    return o[k] if isinstance(o, dict) and isinstance(k, str) and k in o else MISSING


def strict_equal(a, b):
    """JavaScript's === on JSON values: objects and arrays are equal only to themselves."""
    if is_number(a) and is_number(b):
        return a == b
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if a is None or b is None or a is MISSING or b is MISSING:
        return a is b
    return a is b


def es_number(x):
    """A double as ECMAScript's Number::toString writes it (shortest round-trip digits)."""
    if isinstance(x, int):
        if abs(x) <= 2**53:
            return str(x)
        x = float(x)
    if math.isnan(x) or math.isinf(x):
        bad("a number is outside the range of a double")
    if x == 0:
        return "0"
    if x < 0:
        return "-" + es_number(-x)
    # repr gives the shortest digits that read back as x, the closest of them, as ECMAScript asks.
    mantissa, _, exponent = repr(x).partition("e")
    whole, _, fraction = mantissa.partition(".")
    all_digits = whole + fraction
    leading = len(all_digits) - len(all_digits.lstrip("0"))
    digits = all_digits.strip("0")
    n = len(whole) + (int(exponent) if exponent else 0) - leading  # x = 0.digits × 10^n
    k = len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + digits
    e = n - 1
    sign = "+" if e >= 0 else "-"
    return (digits if k == 1 else digits[0] + "." + digits[1:]) + "e" + sign + str(abs(e))


def js(v):
    """A value as a JavaScript template literal writes it (for messages and the leaf data)."""
    if v is MISSING:
        return "undefined"
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if is_number(v):
        return es_number(v)
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return ",".join("" if x is None or x is MISSING else js(x) for x in v)
    return "[object Object]"


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def json_string(s):
    """A string as JSON.stringify writes it: only '"', '\\' and control characters escaped."""
    out = []
    for c in s:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif c < " ":
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def canon(v):
    """RFC 8785: the canonical JSON text of a value read from JSON."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if is_number(v):
        return es_number(v)
    if isinstance(v, str):
        return json_string(v)
    if isinstance(v, list):
        return "[" + ",".join(canon(x) for x in v) + "]"
    if isinstance(v, dict):
        keys = sorted(v, key=lambda k: k.encode("utf-16-be"))  # UTF-16 code units, as JS sorts
        return "{" + ",".join(json_string(k) + ":" + canon(v[k]) for k in keys) + "}"
    bad(f"{v!r} is not a JSON value")


def same_json(a, b):
    """canon(a ?? null) === canon(b ?? null)."""
    return canon(None if a is MISSING else a) == canon(None if b is MISSING else b)


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")


def _js_int(text):
    if len(text) > 17:  # float() reads any length; int() refuses past 4300 digits
        return float(text)
    n = int(text)
    return n if abs(n) <= 2**53 else float(text)  # JSON.parse keeps only a double


_SURROGATE = re.compile("[\ud800-\udfff]")
# Bad input is told in fixed words, the same in both checkers, never in the platform's.
_CANNOT_READ = {errno.ENOENT: "no such file", errno.EACCES: "permission denied", errno.EPERM: "permission denied",
                errno.EISDIR: "it is a directory"}
MAX_DEPTH = 1000
# What is being read, for a file so malformed that a check could not even read it.
reading = "the input"


def now_reading(what):
    global reading
    reading = what


def js_keys(o):
    """An object's keys in JavaScript's order: array indices ascending, then the rest as written."""
    indices = [k for k in o if re.fullmatch(r"0|[1-9][0-9]*", k) and int(k) < 2**32 - 1]
    return sorted(indices, key=int) + [k for k in o if k not in set(indices)]


def parse_json(text, what):
    too_deep = f"{what} is nested deeper than {MAX_DEPTH} levels"
    try:
        value = json.loads(text, parse_int=_js_int, parse_constant=_no_constant)
    except RecursionError:
        bad(too_deep)
    except ValueError:
        bad(f"{what} is not JSON")

    def walk(v, depth):
        if isinstance(v, str) and _SURROGATE.search(v):
            bad(f"{what} holds a lone surrogate")
        if isinstance(v, float) and math.isinf(v):
            bad(f"{what} holds a number outside the range of a double")
        if isinstance(v, (dict, list)) and depth >= MAX_DEPTH:
            bad(too_deep)
        if isinstance(v, dict):
            for k in js_keys(v):
                walk(k, depth + 1)
                walk(v[k], depth + 1)
        if isinstance(v, list):
            for x in v:
                walk(x, depth + 1)

    walk(value, 0)
    return value


def read_text(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as error:
        why = _CANNOT_READ.get(error.errno) or errno.errorcode.get(error.errno) or "it cannot be read"
        bad(f"cannot read {path}: {why}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        bad(f"{path} is not UTF-8 text")
    if text.startswith("\ufeff"):
        bad(f"{path} starts with a byte order mark: save it as UTF-8 without one")
    return text


# String.prototype.trim's white space: WhiteSpace and LineTerminator of ECMAScript.
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
            "\u2028\u2029\u202f\u205f\u3000\ufeff"


def sha256(data):
    return hashlib.sha256(data).digest()


def sha256hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- signatures -------------------------------------------------------------------------------
def base64url(text):
    """What Node's Buffer.from(text, 'base64url') gives for a well-formed text, else None."""
    if not isinstance(text, str) or not re.fullmatch(r"[A-Za-z0-9_\-+/]*={0,2}", text):
        return None
    text = text.rstrip("=").replace("+", "-").replace("/", "_")
    if len(text) % 4 == 1:
        return None
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def ed25519_verify(public_key, message, signature):
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def ed25519_json(public_key, label, payload, signature):
    """Ed25519 over "<label>\\n<canonical JSON>"; keys and signatures in base64url, no padding."""
    key = base64url(public_key)
    sig = base64url(signature)
    if key is None or sig is None or len(key) != 32:
        return False
    return ed25519_verify(key, f"{label}\n{canon(payload)}".encode("utf-8"), sig)


_INSTANT = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(?:Z|([+-])(\d\d):(\d\d))", re.ASCII)


def instant(text):
    """An ISO-8601 time with a zone, as keyrings write them, in epoch ms; NaN for anything else."""
    m = _INSTANT.fullmatch(text) if isinstance(text, str) else None
    if m is None:
        return math.nan
    y, mo, d, h, mi = (int(m[i]) for i in range(1, 6))
    s = int(m[6] or 0)
    oh, om = int(m[9] or 0), int(m[10] or 0)
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if not 1 <= mo <= 12 or not 1 <= d <= days[mo - 1] or h > 23 or mi > 59 or s > 59 or oh > 23 or om > 59:
        return math.nan
    # Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    yy = y - 1 if mo <= 2 else y
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * (mo + (-3 if mo > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    offset = (-1 if m[8] == "-" else 1) * (oh * 60 + om)
    minutes = (era * 146097 + doe - 719468) * 1440 + h * 60 + mi - offset
    return (minutes * 60 + s) * 1000 + int(((m[7] or "") + "000")[:3])


def invalid_at(entry, at):
    """Why a key may not sign at time `at` (epoch ms), or '' when it may."""
    if not is_number(at):
        return "the event has no time"
    key_id = js(own(entry, "keyId"))
    valid_from = instant(own(entry, "validFrom"))
    if own(entry, "revokedAt") is not MISSING and not at < instant(entry["revokedAt"]):
        return f'key "{key_id}" was revoked'
    if not at >= valid_from:
        return f'key "{key_id}" has no valid time' if math.isnan(valid_from) else f'key "{key_id}" was not yet valid'
    if own(entry, "validUntil") is not MISSING and not at < instant(entry["validUntil"]):
        return f'key "{key_id}" had expired'
    return ""


# What a signed command asks the event to say (the rules themselves are replayed by twokeys).
EVENT_OF = {
    "propose": "PROPOSE",
    "submit": "SUBMIT",
    "amend": "AMEND",
    "decide": "DECIDE",
    "revoke": "REVOKE",
    "withdraw": "WITHDRAW",
    "delegate": "DELEGATE",
    "respond": "RESPOND",
    "ministry": "MINISTRY",
    "plenary": "PLENARY",
    "destination": "DESTINATION",
    "complete": "COMPLETE",
}


def mismatch(command, event):
    kind = own(command, "type")
    if not strict_equal(own(EVENT_OF, kind), own(event, "type")) or not strict_equal(
            own(command, "by"), own(event, "by")):
        return "another type or actor"
    asked = {k: v for k, v in command.items() if k not in ("type", "by", "initiativeId", "commandId", "signature")}
    if strict_equal(kind, "propose"):
        content = {k: v for k, v in asked.items() if k != "summary"}
        content["summary"] = asked.get("summary", "")
        return "" if same_json(content, own(event, "content")) else "another content"
    if strict_equal(kind, "amend"):
        body = own(event, "content")
        return "" if all(same_json(v, own(body, k)) for k, v in asked.items()) else "another content"
    if strict_equal(kind, "delegate") and "from" not in asked:
        asked["from"] = own(event, "from")
    return "" if all(same_json(v, own(event, k)) for k, v in asked.items()) else "other fields"


# --- the keyring, change by change ------------------------------------------------------------
def replay_keyring(trust, path):
    now_reading(path)
    keyrings = []  # keyrings[v - 1] is version v
    changes = own(trust, "changes")
    for item in [] if changes is MISSING or changes is None else changes:
        version, applied_at, change = item.get("version", MISSING), item.get("appliedAt", MISSING), item["change"]
        where = f"keyring change {js(version)}"
        current = keyrings[-1] if keyrings else None
        unsigned = {k: v for k, v in change.items() if k != "signatures"}
        if not strict_equal(own(change, "base"), "" if current is None else sha256hex(canon(current))) or \
                not strict_equal(own(change, "version"), len(keyrings) + 1):
            fail(where, "it does not apply to the keyring before it")
        signers = current["entries"] if current is not None else change["add"]
        signed = set()
        for s in change["signatures"]:
            entry = next((e for e in signers if strict_equal(own(e, "keyId"), own(s, "keyId"))), None)
            if entry is None or invalid_at(entry, applied_at) != "" or not ed25519_json(
                    own(entry, "publicKey"), "twokeys/keyring-change/v1", unsigned, own(s, "value")):
                fail(where, f'the signature by key "{js(own(s, "keyId"))}" does not verify')
            for institution, principals in trust["institutions"].items():
                if any(strict_equal(p, own(entry, "principal")) for p in principals):
                    signed.add(institution)
        for institution in trust["institutions"]:
            if institution not in signed:
                fail(where, f'no signature from institution "{institution}"')
        entries = []
        for e in (current["entries"] if current is not None else []) + list(change["add"]):
            revoked = next((r for r in change["revoke"] if strict_equal(own(r, "keyId"), own(e, "keyId"))), None)
            entries.append(e if revoked is None else {**e, "revokedAt": revoked.get("at", MISSING)})
        keyrings.append({"version": change["version"], "entries": entries})
    return keyrings


def signed_under(trust, policy_hash):
    """Whether events pinned to `policy_hash` must carry a signed command: all under identity: signed,
    those of the policies listed in `signedPolicies` where the store runs both."""
    if trust is None:
        return False
    listed = own(trust, "signedPolicies")
    return strict_equal(own(trust, "identity"), "signed") or (
        isinstance(listed, list) and any(strict_equal(h, policy_hash) for h in listed))


# --- the events -------------------------------------------------------------------------------
def check_events(path, trust, keyrings):
    lines = [line for line in read_text(path).split("\n") if line.strip(_JS_SPACE) != ""]
    events = []  # (position, initiativeId, seq, hash, logIndex, logState) of each line
    last = {}  # initiativeId → (seq, hash) of its latest event so far
    for position, line in enumerate(lines):
        now_reading(f"{path} line {position + 1}")
        record = parse_json(line, reading)
        if not is_object(record):
            bad(f"{reading} is not a JSON object")
        fields = {k: v for k, v in record.items() if k not in ("hash", "logIndex", "logState")}
        hash_ = record.get("hash", MISSING)
        initiative = own(fields, "initiativeId")
        if not isinstance(initiative, str):
            fail(position, "it names no initiative")
        seq, prev_hash = last.get(initiative, (0, ""))
        why = "" if strict_equal(own(fields, "prevHash"), prev_hash) else \
            "its prevHash is not the hash of the event before it"
        if not strict_equal(own(fields, "seq"), seq + 1):
            why = f"seq {js(own(fields, 'seq'))} where {js(seq + 1)} was expected"
        if not strict_equal(sha256hex(canon(fields)), hash_):
            why = "its hash does not match its content"
        if why:
            fail(position, why)
        command, event = own(fields, "command"), own(fields, "event")
        if trust is not None and command is not MISSING:
            version = own(fields, "keyring")
            keyring = None
            if is_number(version) and float(version).is_integer() and 1 <= version <= len(keyrings):
                keyring = keyrings[int(version) - 1]
            signature = own(command, "signature")
            entry = None if keyring is None else next(
                (e for e in keyring["entries"] if strict_equal(own(e, "keyId"), own(signature, "keyId"))), None)
            if entry is None:
                fail(position, f"the signing key is not in keyring version {js(version)}")
            by = own(command, "by")
            if not strict_equal(own(entry, "principal"), by):
                fail(position, f'key "{js(own(entry, "keyId"))}" is not "{js(by)}"\'s')
            why = invalid_at(entry, own(event, "at"))
            if why:
                fail(position, why)
            if not strict_equal(own(command, "commandId"), own(fields, "commandId")) or \
                    not strict_equal(own(command, "initiativeId"), initiative):
                fail(position, "the signed command names another command or initiative")
            unsigned = {k: v for k, v in command.items() if k != "signature"}
            if not ed25519_json(own(entry, "publicKey"), "twokeys/command/v1",
                                {"command": unsigned, "keyId": signature["keyId"]}, own(signature, "value")):
                fail(position, f'the signature of "{js(by)}" does not verify')
            why = mismatch(command, event)
            if why:
                fail(position, f"the event is not what the signed command asked ({why})")
        elif signed_under(trust, own(fields, "policyHash")) and not strict_equal(own(event, "type"), "TICK"):
            fail(position, "the policy says identity: signed, but the event carries no signed command")
        last[initiative] = (fields["seq"], hash_)
        events.append((position, initiative, fields["seq"], hash_, record.get("logIndex", MISSING),
                       record.get("logState", MISSING)))
    return events


# --- signed notes, checkpoints, cosignatures (c2sp.org/signed-note, tlog-checkpoint, -cosignature)
LOG_KEY = 0x01  # Ed25519 over the note text
WITNESS_KEY = 0x04  # Ed25519 over "cosignature/v1\ntime <t>\n" + the note text, with t
_WHOLE = re.compile(r"0|[1-9][0-9]*")
_SAFE = 2**53 - 1


def b64(text):
    """Canonical padded base64 (RFC 4648 §4), or None."""
    if not re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", text) or len(text) % 4 != 0:
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    return data if base64.b64encode(data).decode("ascii") == text else None


def key_id(name, kind, public_key):
    return sha256(name.encode("utf-8") + b"\n" + bytes([kind]) + public_key)[:4]


def verifier_key(text, kind, where):
    """A vkey `<name>+<hex key id>+base64(type || key)`, whose key id must match its key."""
    parts = text.split("+", 2)  # names hold no '+'; the key's base64 may
    name, kid, key = (parts + ["", "", ""])[:3]
    data = b64(key)
    if len(parts) != 3 or name == "" or re.search(r"\s", name) or data is None or len(data) != 33:
        bad(f'{where}: "{text}" is not a verifier key <name>+<hex id>+<base64 key>')
    if data[0] != kind:
        bad(f'{where}: "{text}" is a type {data[0]} key, not {"a log" if kind == LOG_KEY else "a witness"}\'s '
            f'({kind})')
    public_key = data[1:]
    if key_id(name, kind, public_key).hex() != kid:
        bad(f'{where}: the key id {kid} of "{name}" does not belong to its key (the file was altered)')
    return {"name": name, "id": kid, "key": public_key}


def read_witnesses(path):
    """keys.txt: `<institution> <witness vkey> [<url>]` lines, optionally one `log <log vkey>`."""
    now_reading(path)
    log_key = None
    witnesses = []  # (institution, vkey)
    institutions = []
    for i, raw in enumerate(read_text(path).split("\n")):
        line = re.sub(r"#.*", "", raw).strip(" \t\r")
        if line == "":
            continue
        where = f"{path} line {i + 1}"
        parts = re.split(r"[ \t]+", line)
        who = parts[0]
        if len(parts) < 2 or len(parts) > (2 if who == "log" else 3):
            bad(f'{where}: not "<institution> <witness vkey> [<url>]" or "log <log vkey>"')
        if who == "log":
            if log_key is not None:
                bad(f'{where}: a second "log" line')
            log_key = verifier_key(parts[1], LOG_KEY, where)
        else:
            witnesses.append((who, verifier_key(parts[1], WITNESS_KEY, where)))
            if who not in institutions:
                institutions.append(who)
    if not institutions:
        bad(f'{path} names no witness: "<institution> <witness vkey>" lines')
    return {"log": log_key, "witnesses": witnesses, "institutions": institutions}


def accept_checkpoint(note, trusted, where):
    """The checkpoint in a signed note, once its signatures are accepted; a Finding otherwise."""
    if any(c < " " and c != "\n" for c in note):
        bad(f"{where}: a note holds no control characters but newlines")
    split = note.rfind("\n\n")
    if not note.endswith("\n") or split < 0:
        bad(f"{where}: not a signed note (text, a blank line, signatures)")
    text = note[:split + 1]
    signatures = []
    for line in note[split + 2:-1].split("\n"):
        m = re.fullmatch(r"\u2014 (\S+) (\S+)", line)
        data = None if m is None else b64(m[2])
        if data is None or len(data) < 5:
            bad(f'{where}: "{line}" is not a signature line "— <name> <base64>"')
        signatures.append((m[1], data[:4].hex(), data[4:]))
    origin, size, root = (text.split("\n") + ["", "", ""])[:3]
    root_hash = b64(root)
    if origin == "" or not _WHOLE.fullmatch(size) or int(size) > _SAFE or root_hash is None or len(root_hash) != 32:
        bad(f"{where}: not a checkpoint (an origin, a size and a base64 root hash, one per line)")

    def altered(name):
        refuse(f'TAMPERED at checkpoint: the signature of "{name}" does not verify: the checkpoint was altered')

    log_key = trusted["log"]
    log_signed = False
    cosigned = set()
    for name, kid, sig in signatures:
        if log_key is not None and log_key["name"] == name and log_key["id"] == kid:
            if not ed25519_verify(log_key["key"], text.encode("utf-8"), sig):
                altered(name)
            log_signed = True
        for institution, w in trusted["witnesses"]:
            if w["name"] != name or w["id"] != kid:
                continue
            time = int.from_bytes(sig[:8], "big") if len(sig) == 72 else -1
            message = f"cosignature/v1\ntime {time}\n{text}".encode("utf-8")
            if time < 0 or time >= 2**63 or not ed25519_verify(w["key"], message, sig[8:]):
                altered(name)
            cosigned.add(institution)
    if log_key is not None and not log_signed:
        refuse(f'REFUSED checkpoint: it is not signed by the log\'s key "{log_key["name"]}"')
    for institution in trusted["institutions"]:
        if institution not in cosigned:
            refuse(f'REFUSED checkpoint: no cosignature from a witness of "{institution}"')
    return {"origin": origin, "size": int(size), "root": root_hash,
            "cosigned_by": ", ".join(trusted["institutions"])}


# --- RFC 6962 Merkle trees --------------------------------------------------------------------
def leaf_data(initiative_id, seq, hash_, state=MISSING):
    tail = "" if state is MISSING else f"{js(state)}\n"
    return f"{js(initiative_id)}\n{js(seq)}\n{js(hash_)}\n{tail}".encode("utf-8")


def leaf_hash(data):
    return sha256(b"\x00" + data)


def node_hash(left, right):
    return sha256(b"\x01" + left + right)


def root_hash(leaves):
    """RFC 6962 §2.1 MTH, recursively: split at the largest power of two below n."""
    n = len(leaves)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return leaves[0]
    k = 1 << ((n - 1).bit_length() - 1)
    return node_hash(root_hash(leaves[:k]), root_hash(leaves[k:]))


def verify_inclusion(leaf, index, size, proof, root):
    """RFC 9162 §2.1.3.2."""
    if not index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = node_hash(p, r)
            while fn % 2 == 0 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def check_against(events, checkpoint):
    """The export's events, by logIndex, against a cosigned checkpoint."""
    if events and all(e[4] is MISSING for e in events):
        bad("the export has no logIndex: export it again with a twokeys that writes it "
            "to check it against a checkpoint")
    by_index = {}
    for e in events:
        position, log_index = e[0], e[4]
        if not (is_number(log_index) and float(log_index).is_integer() and 0 <= log_index <= _SAFE):
            shown = "(none)" if log_index is MISSING else canon(log_index)
            fail(position, f"its logIndex {shown} is not a place in the log")
        log_index = int(log_index)
        if log_index in by_index:
            fail(position, f"its logIndex {log_index} is that of position {by_index[log_index][0]}")
        state = e[5]
        if state is not MISSING and not (isinstance(state, str) and re.fullmatch(r"[0-9a-f]{64}", state)):
            fail(position, f"its logState {canon(state)} is not a state digest (64 hex digits)")
        by_index[log_index] = e
    against = f"TAMPERED against the checkpoint of {checkpoint['origin']} at size {checkpoint['size']}:"
    for i in range(len(events)):  # n distinct places are 0 … n-1 unless one of those is missing
        if i not in by_index:
            refuse(f"{against} no event is log entry {i}: an event was removed")
    if len(events) < checkpoint["size"]:
        refuse(f"{against} the log was cut off: it holds {len(events)} events, "
               f"the cosigned checkpoint {checkpoint['size']}")
    leaves = [leaf_hash(leaf_data(*by_index[i][1:4], by_index[i][5])) for i in range(checkpoint["size"])]
    root = root_hash(leaves)
    if root != checkpoint["root"]:
        refuse(f"{against} the log was rewritten: its first {checkpoint['size']} entries have root "
               f"{base64.b64encode(root).decode()}, the checkpoint {base64.b64encode(checkpoint['root']).decode()}")


def check_proof(path, trusted, event_line):
    """A c2sp.org/tlog-proof@v1 file: extra (the leaf data), index, the inclusion proof, the checkpoint."""
    now_reading(path)
    lines = read_text(path).split("\n")
    at = 1
    if lines[0] != "c2sp.org/tlog-proof@v1":
        bad(f'{path}: a proof starts with "c2sp.org/tlog-proof@v1"')
    extra = None
    if len(lines) > at and lines[at].startswith("extra "):
        extra = b64(lines[at][6:])
        at += 1
    leaf = None
    if extra is not None:
        try:
            leaf = re.fullmatch(r"([^\n]+)\n(0|[1-9][0-9]*)\n([0-9a-f]{64})\n(?:([0-9a-f]{64})\n)?",
                                extra.decode("utf-8"))
        except UnicodeDecodeError:
            leaf = None
    if leaf is None:
        bad(f'{path}: no "extra" line with an event\'s leaf data '
            '(<initiative>\\n<seq>\\n<hash>\\n[<state>\\n] in base64)')
    index = re.fullmatch(r"index (0|[1-9][0-9]*)", lines[at]) if len(lines) > at else None
    at += 1
    if index is None or int(index[1]) > _SAFE:
        bad(f'{path}: no "index <n>" line')
    proof = []
    while at < len(lines) and lines[at] != "":
        h = b64(lines[at])
        if h is None or len(h) != 32:
            bad(f'{path}: "{lines[at]}" is not a base64 SHA-256 hash of the inclusion proof')
        proof.append(h)
        at += 1
    if at >= len(lines):
        bad(f"{path}: no blank line before the checkpoint")
    checkpoint = accept_checkpoint("\n".join(lines[at + 1:]), trusted, f"{path}, its checkpoint")
    initiative, seq, hash_ = leaf[1], leaf[2], leaf[3]
    i = int(index[1])
    if not verify_inclusion(leaf_hash(extra), i, checkpoint["size"], proof, checkpoint["root"]):
        refuse(f"REFUSED proof: the inclusion proof does not lead from entry {i} ({initiative} seq {seq}) "
               f"to the root of {checkpoint['origin']} at size {checkpoint['size']}")
    if event_line is not None:
        now_reading("--event")
        record = parse_json(event_line, reading)
        if not is_object(record):
            bad("--event is not a JSON object (a line of an audit export)")
        fields = {k: v for k, v in record.items() if k not in ("hash", "logIndex", "logState")}
        event_hash = record.get("hash", MISSING)
        if not strict_equal(sha256hex(canon(fields)), event_hash):
            refuse("REFUSED proof: the event's hash does not match its content")
        eid, eseq = own(fields, "initiativeId"), own(fields, "seq")
        recorded = MISSING if leaf[4] is None else leaf[4]
        state = record.get("logState", recorded)
        # Only the state differs: name it, or both sides would read alike.
        if leaf_data(eid, eseq, event_hash, state) != extra and leaf_data(eid, eseq, event_hash, recorded) == extra:
            refuse(f"REFUSED proof: the event's logState is {js(state)}, the proof's entry records "
                   f"{'no state' if leaf[4] is None else leaf[4]}")
        if leaf_data(eid, eseq, event_hash, state) != extra:
            refuse(f"REFUSED proof: the event is {js(eid)} seq {js(eseq)} hash {event_hash}, "
                   f"the proof's entry {initiative} seq {seq} hash {hash_}")
        log_index = record.get("logIndex", MISSING)
        if log_index is not MISSING and not strict_equal(log_index, i):
            refuse(f"REFUSED proof: the event says it is log entry {js(log_index)}, the proof {i}")
    return (f"OK {initiative} seq {seq} hash {hash_} is entry {i} of {checkpoint['origin']} "
            f"at size {checkpoint['size']}, cosigned by {checkpoint['cosigned_by']}")


# --- the command line -------------------------------------------------------------------------
def main(argv):
    options = {}
    files = []
    i = 0
    while i < len(argv):
        flag = argv[i]
        if flag in ("--checkpoint", "--witnesses", "--proof", "--event"):
            if i + 1 >= len(argv) or flag in options:
                bad(USAGE)
            options[flag] = argv[i + 1]
            i += 1
        elif flag.startswith("--"):
            bad(USAGE)
        else:
            files.append(flag)
        i += 1
    cp, keys = options.get("--checkpoint"), options.get("--witnesses")
    proof, event = options.get("--proof"), options.get("--event")
    if proof is not None:
        if files or cp is not None or keys is None:
            bad(USAGE)
        return check_proof(proof, read_witnesses(keys), event)
    if not 1 <= len(files) <= 2 or (cp is None) != (keys is None) or event is not None:
        bad(USAGE)
    trust = None if len(files) < 2 else parse_json(read_text(files[1]), files[1])
    if len(files) == 2 and not is_object(trust):
        bad(f"{files[1]} is not a trust file (twokeys keys export)")
    trusted = None if keys is None else read_witnesses(keys)  # a bad witnesses file is bad input first
    # With a trust file, every institution holding keys must have a witness in the witnesses file.
    now_reading(files[1] if len(files) == 2 else reading)
    institutions = own(trust, "institutions") if trust is not None else MISSING
    unwitnessed = [i for i in institutions if i not in trusted["institutions"]] \
        if trusted is not None and is_object(institutions) else []
    if unwitnessed:
        names = ", ".join(f'"{i}"' for i in unwitnessed)
        bad(f"{keys} names no witness of {names}, which hold keys in {files[1]}")
    keyrings = [] if trust is None else replay_keyring(trust, files[1])
    events = check_events(files[0], trust, keyrings)
    out = f"OK {len(events)} events"
    if trust is not None:
        out += f", signatures checked against keyring version {len(keyrings)}"
    if cp is not None:
        now_reading(cp)
        checkpoint = accept_checkpoint(read_text(cp), trusted, cp)
        check_against(events, checkpoint)
        out += (f"; the first {checkpoint['size']} log entries match the checkpoint of {checkpoint['origin']} "
                f"at size {checkpoint['size']}, cosigned by {checkpoint['cosigned_by']}")
    return out


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stderr.reconfigure(encoding="utf-8")
    try:
        print(main(sys.argv[1:]))
    except Finding as finding:
        print(finding)
        sys.exit(1)
    except BadInput as error:
        message = str(error)
        print(message if message.startswith("usage:") else f"error: {message}", file=sys.stderr)
        sys.exit(2)
    except Exception:  # a file so malformed that a check could not even read it
        print(f"error: {reading} is malformed: a field is missing or of the wrong type", file=sys.stderr)
        sys.exit(2)
