"""Build hook: ship the top-level rules/ folder inside the package as cleaner/_rules."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithRules(build_py):
    def run(self) -> None:
        super().run()
        src = Path(__file__).parent / "rules"
        dst = Path(self.build_lib) / "cleaner" / "_rules"
        if dst.exists():
            shutil.rmtree(dst)
        shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))


setup(cmdclass={"build_py": BuildWithRules})
