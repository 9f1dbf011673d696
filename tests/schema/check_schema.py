#!/usr/bin/python3
"""Checks the JSON Schemas of the scenario format (assets/schema/) against the files they describe.

- both schemas are valid draft-07;
- every scenario under scenarios/ and assets/templates/ passes scenario.schema.json, and every
  transcript (*.test.toml) passes transcript.schema.json; catalogue files are skipped the way the
  loader skips them (engine/core/catalogue.cpp, looks_like_catalogue_file);
- every sample in tests/schema/good/ passes, and every sample in tests/schema/bad/ fails. A bad
  sample may name the error it must produce in a comment line '# expect: <json pointer> <keyword>';
- the principle and hard-fail ids the schema suggests are those of assets/standards/principles.toml.

Integers are checked the TOML way (5.0 is not an integer) and patterns the ECMA way ('$' is the end
of the string), as Taplo does; Python's defaults differ on both.

Run with Debian's Python (tomllib + python3-jsonschema):
    /usr/bin/python3 tests/schema/check_schema.py --root .
Prints one line per failure, 'path: /json/pointer: message', then a summary; exits 1 on any failure.
--verbose also prints why each bad sample is rejected.
"""

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

try:
    import jsonschema
    from jsonschema import Draft7Validator
except ImportError:
    sys.exit("check_schema: the jsonschema module is missing; install the Debian package python3-jsonschema "
             "and run this with /usr/bin/python3")


def strict_integer(_checker, instance):
    # TOML tells integers from floats; jsonschema's draft-07 checker would take 1.0 as an integer.
    return isinstance(instance, int) and not isinstance(instance, bool)


def ecma_pattern(validator, pattern, instance, schema):
    # ECMA 262 and the Rust regex crate (Taplo) read '$' as the end of the string; Python's re also
    # lets it match before a final line break, which would accept the id "door\n".
    if not validator.is_type(instance, "string"):
        return
    if not re.search(re.sub(r"(?<!\\)\$", r"\\Z", pattern), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


TomlValidator = jsonschema.validators.extend(
    Draft7Validator,
    validators={"pattern": ecma_pattern},
    type_checker=Draft7Validator.TYPE_CHECKER.redefine("integer", strict_integer),
)


def pointer(path):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path) if path else "(root)"


def short(value) -> str:
    """A value as a message shows it: strings and numbers as written, tables and arrays by size."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return f"an array of {len(value)} entries"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:57]) + "…"
    return repr(value)


def forbidden(schema) -> str:
    """What a 'not' schema forbids, in words: "'outcome'" for {"required": ["outcome"]}."""
    if isinstance(schema, dict) and "required" in schema:
        return " and ".join(f"'{k}'" for k in schema["required"])
    if isinstance(schema, dict) and "anyOf" in schema:
        return " or ".join(forbidden(s) for s in schema["anyOf"])
    return "this value"


def describe(error) -> str:
    """One line per error, without dumping whole tables: the messages of jsonschema start with repr(value)."""
    v, arg, value = error.validator, error.validator_value, error.instance
    if v in ("oneOf", "anyOf") and error.context:
        branches = {}
        for sub in error.context:
            branches.setdefault(sub.schema_path[0], sub)
        parts = []
        for index, sub in sorted(branches.items()):
            title = arg[index].get("title", f"form {index + 1}") if isinstance(arg[index], dict) else f"form {index + 1}"
            where = pointer(list(sub.relative_path)) if sub.relative_path else ""
            parts.append(f"{title}: " + (f"{where}: " if where else "") + describe(sub))
        return "matches none of the allowed forms (" + "; ".join(parts) + ")"
    if v == "oneOf":
        return "matches more than one allowed form"
    if v == "not":
        if isinstance(value, str) and isinstance(arg, dict) and "enum" in arg:
            return f"{value!r} is not allowed here"
        return f"{forbidden(arg)} not allowed here"
    if v == "type":
        return f"{short(value)} is not of type {arg!r}"
    if v == "maxLength":
        return f"is {len(value)} characters long; the limit is {arg}"
    if v == "minLength":
        return f"{short(value)} is too short (at least {arg} characters)"
    if v == "maxItems":
        return f"has {len(value)} entries; the limit is {arg}"
    if v == "minItems":
        return f"has {len(value)} entries; at least {arg} needed"
    if v == "maxProperties":
        return f"has {len(value)} keys; the limit is {arg}"
    if v == "pattern":
        return f"{short(value)} does not match {arg!r}"
    if v == "enum":
        return f"{short(value)} is not one of {', '.join(map(str, arg))}"
    if v == "const":
        return f"{short(value)} must be {arg!r}"
    message = error.message
    return message if len(message) <= 300 else message[:300] + "…"


def looks_like_catalogue_file(path: Path, text: str) -> bool:
    # Mirrors engine/core/catalogue.cpp: principles.toml, or a file with an [instrument] table.
    return path.name == "principles.toml" or text.startswith("[instrument]") or "\n[instrument]" in text


class Checker:
    def __init__(self, root: Path, verbose: bool = False):
        self.root = root
        self.verbose = verbose
        self.failures = 0
        self.counts = {}

    def fail(self, path: Path, where: str, message: str):
        self.failures += 1
        try:
            shown = path.relative_to(self.root)
        except ValueError:
            shown = path
        print(f"{shown}: {where}: {message}")

    def count(self, what: str):
        self.counts[what] = self.counts.get(what, 0) + 1

    def load_schema(self, name: str):
        path = self.root / "assets" / "schema" / name
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
            Draft7Validator.check_schema(schema)
        except (OSError, ValueError) as e:
            self.fail(path, "(root)", f"cannot read the schema: {e}")
            return None
        except jsonschema.SchemaError as e:
            self.fail(path, pointer(list(e.absolute_path)), f"not a valid draft-07 schema: {e.message}")
            return None
        if schema.get("$schema") != "http://json-schema.org/draft-07/schema#":
            self.fail(path, "/$schema", "the schema must declare draft-07")
        return TomlValidator(schema)

    @staticmethod
    def parse(path: Path):
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)

    def errors(self, validator, data):
        return sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))

    def check_valid(self, path: Path, validator, what: str):
        try:
            _, data = self.parse(path)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            self.fail(path, "(root)", f"not readable TOML: {e}")
            return
        self.count(what)
        for e in self.errors(validator, data):
            self.fail(path, pointer(list(e.absolute_path)), describe(e))

    def check_invalid(self, path: Path, validator):
        try:
            text, data = self.parse(path)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            self.fail(path, "(root)", f"a bad sample must be valid TOML that breaks the schema, but: {e}")
            return
        self.count("bad samples")
        errors = self.errors(validator, data)
        if not errors:
            self.fail(path, "(root)", "expected to fail validation, but it passed")
            return
        if self.verbose:
            for e in errors:
                print(f"{path.relative_to(self.root)}: {pointer(list(e.absolute_path))}: (rejected as expected) {describe(e)}")
        for m in re.finditer(r"^# expect: (\S+) (\S+)\s*$", text, re.M):
            want_where, want_keyword = m.group(1), m.group(2)
            if not any(pointer(list(e.absolute_path)) == want_where and e.validator == want_keyword for e in errors):
                got = "; ".join(f"{pointer(list(e.absolute_path))} {e.validator}" for e in errors)
                self.fail(path, want_where, f"expected a '{want_keyword}' error here; got: {got}")

    def check_catalogue_examples(self, schema):
        """The principle and hard-fail ids the schema offers as examples are those of the bundled catalogue."""
        path = self.root / "assets" / "standards" / "principles.toml"
        try:
            catalogue = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            self.fail(path, "(root)", f"cannot read the principles: {e}")
            return
        assessment = schema["definitions"]["assessment"]["properties"]
        for key, table in (("principle", "principle"), ("hard_fail", "hard_fail")):
            want = [entry.get("id") for entry in catalogue.get(table, [])]
            have = assessment[key].get("examples", [])
            if have != want:
                self.fail(self.root / "assets" / "schema" / "scenario.schema.json",
                          f"/definitions/assessment/properties/{key}/examples",
                          f"differs from the [[{table}]] ids of assets/standards/principles.toml: "
                          f"missing {sorted(set(want) - set(have)) or 'none'}, extra {sorted(set(have) - set(want)) or 'none'}"
                          + ("" if set(want) != set(have) else ", order differs"))

    def run(self) -> int:
        scenario = self.load_schema("scenario.schema.json")
        transcript = self.load_schema("transcript.schema.json")
        if scenario is None or transcript is None:
            print("check_schema: the schemas themselves are broken")
            return 1

        def shipped(folder: Path, pattern: str):
            for path in sorted(folder.glob(pattern)) if folder.is_dir() else []:
                if path.name.endswith(".test.toml"):
                    self.check_valid(path, transcript, "transcripts")
                    continue
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    text = ""
                if not looks_like_catalogue_file(path, text):
                    self.check_valid(path, scenario, "scenarios" if folder.name == "scenarios" else "templates")

        shipped(self.root / "scenarios", "**/*.toml")
        shipped(self.root / "assets" / "templates", "*.toml")

        samples = self.root / "tests" / "schema"
        good = sorted((samples / "good").glob("*.toml"))
        bad = sorted((samples / "bad").glob("*.toml"))
        if not good or not bad:
            self.fail(samples, "(root)", "tests/schema/good and tests/schema/bad must each hold samples")
        for path in good:
            self.check_valid(path, transcript if path.name.endswith(".test.toml") else scenario, "good samples")
        for path in bad:
            self.check_invalid(path, transcript if path.name.endswith(".test.toml") else scenario)

        self.check_catalogue_examples(scenario.schema)

        order = ["scenarios", "transcripts", "templates", "good samples", "bad samples"]
        checked = ", ".join(f"{self.counts.get(what, 0)} {what}" for what in order)
        print(f"check_schema: {checked}; {self.failures} failure{'s' if self.failures != 1 else ''}")
        return 1 if self.failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, type=Path, help="the repository root")
    parser.add_argument("--verbose", action="store_true", help="also print why each bad sample is rejected")
    args = parser.parse_args()
    root = args.root.resolve()
    if not (root / "assets" / "schema").is_dir():
        print(f"check_schema: {root} has no assets/schema folder; give the repository root with --root")
        return 1
    return Checker(root, args.verbose).run()


if __name__ == "__main__":
    sys.exit(main())
