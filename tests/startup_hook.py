"""The hook both start-up probes put into the program they run (``tests/ui/test_startup.py`` and
``bench/bench_startup.py``): ``QApplication.exec`` becomes the probe's ``_exec`` as the application itself
first imports PySide6.QtWidgets, so the modules load in the order they do from main.py (importing PySide6 in
the probe first would change it). The probe's text defines ``_exec`` and imports ``sys`` before it."""

REPLACE_EXEC = """
class _ReplaceExec:
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec
        spec = find_spec(name)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            module.QApplication.exec = _exec
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _ReplaceExec())
"""
