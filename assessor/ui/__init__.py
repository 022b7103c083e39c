"""The desktop application (PySide6): the only package that imports Qt."""

from assessor.ui._refcount_guard import protect_none

protect_none()
