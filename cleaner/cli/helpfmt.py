"""Help pages that read the same whatever typer 0.x renders: positional arguments as click
writes them (``FILE`` required, ``[FILE]`` optional, ``INPUT...`` repeatable), never typer
0.29's ``{paths}``, ``[[FILE]]`` or a Python type after the name (``<list[Path]>``)."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand


def _name(param: Any) -> str:
    name = param.metavar or (param.name or "").upper()
    return name + ("..." if param.nargs != 1 else "")


def _usage(param: Any) -> str:
    name = param.metavar or (param.name or "").upper()
    piece = name if param.required else f"[{name}]"
    return piece + ("..." if param.nargs != 1 else "")


class Command(TyperCommand):
    """A command whose usage line and 'Arguments' section name positionals by their metavar."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_usage(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args: list[tuple[str, str]] = []
        opts: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if getattr(param, "hidden", False):
                continue
            if param.param_type_name == "argument":
                args.append((_name(param), getattr(param, "help", None) or ""))
            elif (record := param.get_help_record(ctx)) is not None:
                opts.append(record)
        if args:
            with formatter.section("Arguments"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("Options"):
                formatter.write_dl(opts)


class App(typer.Typer):
    """``typer.Typer`` whose commands are :class:`Command` unless told otherwise."""

    def command(self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any) -> Any:
        return super().command(*args, cls=cls or Command, **kwargs)
