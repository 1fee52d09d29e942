#!/usr/bin/env python3
"""Reference runner: plays a conformance scenario through CPython's own logging
module and writes what it produced, so another implementation can be compared
byte for byte.

This is Cairn's copy of ../shared/conformance/oracle.py, extended for the
configuration-source scenarios (keys "env", "configFile", "commandLine" and the
step {"configFile": ...}). Files are fed to CPython as a Python service would
load them: JSON with json.load and YAML with yaml.safe_load into dictConfig, INI
with fileConfig. What Cairn adds on top (${NAME:-default} in values, the
CAIRN_LEVEL*/CAIRN_FORMAT overrides and --log-* options) is done here in Python
with the equivalent logging calls, following the rules in Cairn's README.

    oracle.py SCENARIO.json OUTDIR

OUTDIR receives stdout.txt, stderr.txt and every file the scenario's handlers
wrote (paths in the scenario use the placeholder $OUT).  The clock is fake:
it starts at scenario["start"] (epoch seconds) and moves only on "at" steps.
Run with TZ=UTC.
"""
import configparser
import io
import json
import logging
import logging.config
import logging.handlers
import os
import re
import sys
import tempfile
import time

LEVELS = {"CRITICAL": 50, "FATAL": 50, "ERROR": 40, "WARNING": 30, "WARN": 30,
          "INFO": 20, "DEBUG": 10, "NOTSET": 0}


def level_of(value):
    if isinstance(value, int):
        return value
    if value in LEVELS:
        return LEVELS[value]
    found = logging.getLevelName(value)
    if isinstance(found, int):
        return found
    raise ValueError("unknown level %r" % value)


def substitute(node, out):
    if isinstance(node, str):
        return node.replace("$OUT", out)
    if isinstance(node, list):
        return [substitute(item, out) for item in node]
    if isinstance(node, dict):
        return {key: substitute(value, out) for key, value in node.items()}
    return node


# ---- Cairn's configuration sources, done with CPython's logging ------------------------

_VARIABLE = re.compile(r"\$\$\{|\$\{([^}]*)\}")


def expand(text, environ):
    """Cairn's ${NAME} / ${NAME:-default} / $${ substitution in one string."""
    def one(m):
        if m.group(0) == "$${":
            return "${"
        name, sep, default = m.group(1).partition(":-")
        value = environ.get(name)
        if sep:
            return default if not value else value
        if value is None:
            raise KeyError("environment variable %s is not set" % name)
        return value
    return _VARIABLE.sub(one, text)


def expand_all(node, environ):
    if isinstance(node, str):
        return expand(node, environ)
    if isinstance(node, list):
        return [expand_all(item, environ) for item in node]
    if isinstance(node, dict):
        return {key: expand_all(value, environ) for key, value in node.items()}
    return node


def parse_level(text):
    text = text.strip()
    found = logging.getLevelName(text)
    if not isinstance(found, int):
        found = logging.getLevelName(text.upper())
    if not isinstance(found, int):
        found = int(text)
    return found


def environment_overrides(environ):
    """CAIRN_LEVEL, CAIRN_LEVEL_<logger> (_ is ., __ is _) and CAIRN_FORMAT, in key order."""
    levels, fmt = {}, None
    for key in sorted(environ):
        if key == "CAIRN_LEVEL":
            levels[""] = parse_level(environ[key])
        elif key.startswith("CAIRN_LEVEL_") and len(key) > len("CAIRN_LEVEL_"):
            name = key[len("CAIRN_LEVEL_"):].replace("__", "\0").replace("_", ".").replace("\0", "_")
            levels[name] = parse_level(environ[key])
        elif key == "CAIRN_FORMAT":
            fmt = environ[key]
    return levels, fmt


TEXT_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"


def attached_handlers():
    found = list(logging.root.handlers)
    for logger in logging.root.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            found.extend(h for h in logger.handlers if h not in found)
    return found


def apply_overrides(levels, fmt):
    """What Cairn does after every file: a stderr basicConfig if nothing has a handler, levels
    (enabling the named loggers again), formats."""
    if not levels and fmt is None:
        return
    if not attached_handlers():
        logging.basicConfig()
    for name, level in levels.items():
        logger_for(name).setLevel(level)
        if name:
            logger_for(name).disabled = False
    if fmt is not None:
        formatter = logging.Formatter(TEXT_FORMAT if fmt.lower() == "text" else fmt)
        for handler in attached_handlers():
            handler.setFormatter(formatter)


class Layers:
    """The environment and command-line layers Cairn lays over every configuration file."""

    def __init__(self, environ):
        self.environ = environ
        self.env_levels, self.env_format = {}, None
        self.cli_levels, self.cli_format = {}, None

    def set_environment(self, env):
        self.environ = dict(self.environ, **env)
        self.env_levels, self.env_format = environment_overrides(self.environ)
        apply_overrides(self.env_levels, self.env_format)

    def apply_layers(self):
        levels = dict(self.env_levels, **self.cli_levels)
        apply_overrides(levels, self.cli_format if self.cli_format is not None else self.env_format)

    def config_file(self, path, out):
        with open(path, encoding="utf-8") as f:
            text = f.read().replace("$OUT", out)
        if path.endswith(".json"):
            logging.config.dictConfig(expand_all(json.loads(text), self.environ))
        elif path.endswith((".yaml", ".yml")):
            import yaml
            logging.config.dictConfig(expand_all(yaml.safe_load(text), self.environ))
        else:
            text = expand(text, self.environ)
            cp = configparser.ConfigParser({"here": os.path.dirname(os.path.abspath(path))})
            cp.read_string(text)
            disable = True
            if cp.has_section("cairn") and cp.has_option("cairn", "disable_existing_loggers"):
                disable = cp.getboolean("cairn", "disable_existing_loggers")
            logging.config.fileConfig(cp, disable_existing_loggers=disable)
        self.apply_layers()

    def command_line(self, args, base, out):
        levels, fmt, config = {}, None, None
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                break
            option, eq, value = arg.partition("=")
            if option in ("--log-level", "--log-config", "--log-format"):
                if not eq:
                    i += 1
                    value = args[i]
                if option == "--log-config":
                    config = value
                elif option == "--log-format":
                    fmt = value
                else:
                    name, _, level = value.partition("=") if "=" in value else ("", "", value)
                    levels[name.strip()] = parse_level(level)
            i += 1
        if config is not None:
            self.cli_levels, self.cli_format = levels, fmt
            self.config_file(os.path.join(base, config), out)
        else:
            self.cli_levels = dict(self.cli_levels, **levels)
            if fmt is not None:
                self.cli_format = fmt
            apply_overrides(levels, fmt)


def logger_for(name):
    return logging.getLogger(name) if name else logging.getLogger()


def play(scenario, out, base):
    now = [float(scenario.get("start", 1700000000.0))]
    time.time = lambda: now[0]
    time.time_ns = lambda: int(now[0] * 1e9)
    logging._startTime = now[0]

    stdout, stderr = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = stdout, stderr
    adapters = {}
    layers = Layers(dict(os.environ))
    try:
        if "basicConfig" in scenario:
            options = substitute(scenario["basicConfig"], out)
            if "stream" in options:
                options["stream"] = {"ext://sys.stdout": stdout, "ext://sys.stderr": stderr}[options["stream"]]
            logging.basicConfig(**options)
        if "config" in scenario:
            logging.config.dictConfig(substitute(scenario["config"], out))
        if "env" in scenario:
            layers.set_environment(substitute(scenario["env"], out))
        if "configFile" in scenario:
            layers.config_file(os.path.join(base, scenario["configFile"]), out)
        if "commandLine" in scenario:
            layers.command_line(substitute(scenario["commandLine"], out), base, out)
        for step in scenario.get("steps", []):
            run_step(step, now, out, adapters, layers, base)
        logging.shutdown()
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    with open(os.path.join(out, "stdout.txt"), "w", encoding="utf-8") as f:
        f.write(stdout.getvalue())
    with open(os.path.join(out, "stderr.txt"), "w", encoding="utf-8") as f:
        f.write(stderr.getvalue())


def run_step(step, now, out, adapters, layers, base):
    if "at" in step:
        now[0] = float(step["at"])
    elif "log" in step or "adapter" in step:
        if "adapter" in step:
            target = adapters[step["adapter"]]
        else:
            target = logger_for(step["log"])
        args = step.get("args", [])
        if isinstance(args, dict):
            args = [args]
        kwargs = {}
        if "extra" in step:
            kwargs["extra"] = step["extra"]
        target.log(level_of(step["level"]), step["msg"], *args, **kwargs)
    elif "makeAdapter" in step:
        adapters[step["makeAdapter"]] = logging.LoggerAdapter(
            logger_for(step["logger"]), step.get("extra", {}))
    elif "setLevel" in step:
        logger_for(step["setLevel"]).setLevel(level_of(step["level"]))
    elif "propagate" in step:
        logger_for(step["propagate"]).propagate = bool(step["value"])
    elif "disable" in step:
        logging.disable(level_of(step["disable"]))
    elif "addLevelName" in step:
        logging.addLevelName(int(step["addLevelName"]), step["name"])
    elif "configFile" in step:
        layers.config_file(os.path.join(base, step["configFile"]), out)
    elif "config" in step:
        logging.config.dictConfig(substitute(step["config"], out))
    elif "effectiveLevel" in step:
        level = logger_for(step["effectiveLevel"]).getEffectiveLevel()
        print("effectiveLevel %s %d" % (step["effectiveLevel"], level))
    elif "isEnabledFor" in step:
        enabled = logger_for(step["isEnabledFor"]).isEnabledFor(level_of(step["level"]))
        print("isEnabledFor %s %s %s" % (step["isEnabledFor"], step["level"], str(enabled).lower()))
    elif "flush" in step:
        for handler in logging._handlerList:
            h = handler()
            if h is not None:
                h.flush()
    else:
        raise ValueError("unknown step %r" % step)


def main():
    scenario_path, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(scenario_path, encoding="utf-8") as f:
        scenario = json.load(f)
    play(scenario, os.path.abspath(out), os.path.dirname(os.path.abspath(scenario_path)))


if __name__ == "__main__":
    main()
