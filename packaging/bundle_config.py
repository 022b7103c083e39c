"""What goes into the one-folder bundle: read by ``collab-assessor.spec`` and checked by the tests.

Pure Python with no PyInstaller import, so the tests can check it without building. Every pattern is
written with forward slashes and matched against the bundle's destination paths (normalised), so the same
rules hold on Linux, Windows and macOS.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

NAME = "collab-assessor"
#: Windows only: the windowed program (no console) that double clicks and the file association start.
WINDOWED_NAME = "Collaboration Assessor"
BUNDLE_ID = "uk.org.collaboration-assessor"
DOCUMENT_SUFFIX = "assessment"

#: Repository folders shipped as data, and where they go inside the bundle: the same places the wheel
#: puts them (``[tool.hatch.build.targets.wheel.force-include]``), so ``assessor.paths`` finds them alike.
DATA = {
    "questionnaires": "assessor/_data/questionnaires",
    "resources": "assessor/_data/resources",
}

#: The Qt modules the application uses. QtCharts needs QtOpenGL and QtOpenGLWidgets underneath (its
#: shared library links them), and QtGui needs QtDBus on Linux; those come in as libraries, not modules.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtCharts")

#: Python modules never wanted in the bundle: Qt modules the application does not import (PyInstaller
#: would otherwise follow a stray import in a hook), and big standard-library parts it never uses.
EXCLUDED_MODULES = (
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtBluetooth",
    "PySide6.QtDataVisualization",
    "PySide6.QtDesigner",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtHelp",
    "PySide6.QtHttpServer",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtNfc",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPositioning",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtSerialBus",
    "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio",
    "PySide6.QtSql",
    "PySide6.QtStateMachine",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtTest",
    "PySide6.QtTextToSpeech",
    "PySide6.QtUiTools",
    "PySide6.QtWebChannel",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.QtXml",
    "PySide6.QtAsyncio",
    # QtCharts' library links QtOpenGL, QtOpenGLWidgets and (on Linux) QtDBus, so those libraries are
    # shipped, but their Python modules (8.5 MB for QtOpenGL alone) are never imported.
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    # Pillow (reportlab reads PNG logos with it): its optional codecs and Tk bridge, which bring their own
    # libraries (AVIF, WebP, colour management). PNG and JPEG are in its core.
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingtk",
    "PIL._imagingcms",
    "PIL.ImageTk",
    "PIL.ImageCms",
    "tkinter",
    "pydoc_data",
    "lib2to3",
    "test",
)

#: Files dropped from what PyInstaller collected (destination paths, forward slashes, lower case).
#: Qt libraries of modules the application does not use (plugins pull some of them in), the Qt plugins
#: it never loads, and Qt's translations (the application is in English and loads no Qt translation).
DROPPED_FILES = (
    # Qt libraries: Linux (libQt6Xxx.so.6), Windows (Qt6Xxx.dll), macOS (QtXxx.framework/...).
    "*qt6qml*",
    "*qt6quick*",
    "*qt6pdf*",
    "*qt6waylandclient*",
    "*qt6waylandcompositor*",
    "*qt6wlshellintegration*",
    "*qt6network*",
    "*qt6svg*",
    "*qt6eglfs*",
    "*qt6virtualkeyboard*",
    "*qt6multimedia*",
    "*qt6webengine*",
    "*qt6designer*",
    "*qt63d*",
    "*/qtqml.framework/*",
    "*/qtquick.framework/*",
    "*/qtpdf.framework/*",
    "*/qtnetwork.framework/*",
    "*/qtsvg.framework/*",
    "*/qtvirtualkeyboard.framework/*",
    # Windows: Mesa's software OpenGL (20 MB), a fallback for Qt Quick and OpenGL widgets; the application
    # draws its widgets and charts without OpenGL.
    "*opengl32sw*",
    # Translations and QML.
    "*/translations/*",
    "*/qml/*",
    # Plugins: everything but those in KEPT_PLUGINS.
)

#: Linux: libraries PyInstaller collects for GTK's theme plugin (not shipped, see KEPT_PLUGINS) before that
#: plugin is dropped; nothing shipped needs them (tests/test_bundle.py checks, on a built bundle, that every
#: shared library in it is needed by a module or a plugin). Matched against the file name only.
DROPPED_LIBRARIES = (
    "libgio-2.0.so*",
    "libgobject-2.0.so*",
    "libgmodule-2.0.so*",
    "libcairo*.so*",
    "libpango*.so*",
    "libgdk_pixbuf*.so*",
    "libatk-1.0.so*",
    "libharfbuzz.so*",
    "libgraphite2.so*",
    "libpixman-1.so*",
    "libfribidi.so*",
    "libthai.so*",
    "libdatrie.so*",
    "libkrb5*.so*",
    "libgssapi_krb5.so*",
    "libk5crypto.so*",
    "libcom_err.so*",
    "libkeyutils.so*",
    "libmount.so*",
    "libblkid.so*",
    "libselinux.so*",
    "libbsd.so*",
    "libmd.so*",
    "libxext.so*",
    "libxrender.so*",
    "libxdmcp.so*",
    "libxau.so*",
    "libjpeg.so*",
)

#: Qt plugin folders and the plugins kept in each (file-name patterns, lower case, no extension rule:
#: ``libqxcb.so``, ``qwindows.dll`` and ``libqcocoa.dylib`` all match their pattern). A folder not
#: named here is dropped whole.
KEPT_PLUGINS = {
    # xcb for X11 desktops, wayland is not shipped (Qt falls back to xcb through XWayland),
    # offscreen and minimal for headless use, windows and cocoa elsewhere.
    "platforms": ("*qxcb.*", "*qoffscreen.*", "*qminimal.*", "*qwindows.*", "*qcocoa.*"),
    "xcbglintegrations": ("*qxcb-glx-integration*", "*qxcb-egl-integration*"),
    # JPEG for logos (PNG is built into QtGui); ICO for the window icon on Windows.
    "imageformats": ("*qjpeg*", "*qico*"),
    # Not GTK's theme: it would bring GTK's whole stack of libraries from the build machine (Cairo, Pango,
    # ...), and the application draws in its own theme anyway.
    "platformthemes": ("*qxdgdesktopportal*",),
    "platforminputcontexts": ("*composeplatforminputcontextplugin*", "*ibusplatforminputcontextplugin*"),
    # No style plugins: the application always uses Fusion, which is built into QtWidgets.
    "styles": (),
    "iconengines": (),
    "generic": (),
    "egldeviceintegrations": (),
    "networkinformation": (),
    "tls": (),
}


def _normal(dest: str) -> str:
    return dest.replace("\\", "/").lower()


def _plugin_kept(path: str) -> bool | None:
    """Whether a Qt plugin is kept (None when ``path`` is not a Qt plugin)."""
    match = re.search(r"(?:^|/)plugins/([^/]+)/([^/]+)$", path)
    if match is None:
        return None
    folder, name = match.groups()
    patterns = KEPT_PLUGINS.get(folder, ())
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def keep(dest: str) -> bool:
    """Whether a collected file (its destination path inside the bundle) stays in the bundle."""
    path = _normal(dest)
    plugin = _plugin_kept(path)
    if plugin is not None:
        return plugin
    name = path.rsplit("/", 1)[-1]
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in DROPPED_LIBRARIES):
        return False
    return not any(fnmatch.fnmatchcase(path, pattern) for pattern in DROPPED_FILES)


def data_files(root: Path) -> list[tuple[str, str]]:
    """PyInstaller's ``datas`` for the shipped folders: (source folder, destination folder)."""
    return [(str(root / source), dest) for source, dest in DATA.items()]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` as (0, 1, 0, 0), the four numbers a Windows version resource holds."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    return tuple(([*numbers, 0, 0, 0, 0])[:4])  # type: ignore[return-value]


def windows_version_info(version: str, app_name: str) -> str:
    """The text of a PyInstaller version file (a VSVersionInfo expression) for ``version``."""
    numbers = version_tuple(version)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080904b0', [
      StringStruct('CompanyName', '{app_name}'),
      StringStruct('FileDescription', '{app_name}'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', '{NAME}'),
      StringStruct('LegalCopyright', 'MIT licence'),
      StringStruct('OriginalFilename', '{NAME}.exe'),
      StringStruct('ProductName', '{app_name}'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])
  ]
)
"""


def info_plist(version: str, app_name: str) -> dict[str, object]:
    """macOS Info.plist entries: the version and the ``.assessment`` document type."""
    return {
        "CFBundleName": app_name,
        "CFBundleDisplayName": app_name,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": f"{app_name} assessment",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "CFBundleTypeExtensions": [DOCUMENT_SUFFIX],
                "LSItemContentTypes": [f"{BUNDLE_ID}.{DOCUMENT_SUFFIX}"],
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": f"{BUNDLE_ID}.{DOCUMENT_SUFFIX}",
                "UTTypeDescription": f"{app_name} assessment",
                "UTTypeConformsTo": ["public.data"],
                "UTTypeTagSpecification": {"public.filename-extension": [DOCUMENT_SUFFIX]},
            }
        ],
    }
